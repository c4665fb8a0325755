package com.firmos.rest.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import com.firmos.rest.support.Node;

/**
 * The README's first command as a new user meets it: a JVM of its own in an empty directory, its own embedded
 * PostgreSQL, {@code --demo}. What it prints before it is ready and after it is told to stop is what the user reads.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstStartTest {

    private static final String NAME = "first-start";
    private static final String DEMO_ENGAGEMENT = "0f95c0eb-f6dc-356a-96af-d654ce55e04e";

    @TempDir
    static Path directory;

    private static Node node;

    @BeforeAll
    static void start() {
        node = Node.startOnItsOwn(NAME, directory, "--demo");
        await().atMost(Duration.ofMinutes(1)).until(() -> lines().stream().anyMatch(l -> l.contains("is ready")));
    }

    @AfterAll
    static void stopIfStillRunning() {
        node.close();
    }

    @Test
    @Order(1)
    void aDemoStartEndsInOneLineThatSaysWhereTheApiAndAnAdminsTokenAre() throws Exception {
        List<String> lines = lines();
        String ready = lines.stream().filter(l -> l.contains("is ready")).findFirst().orElseThrow();
        assertThat(ready).contains(node.url().replace("127.0.0.1", "localhost") + "/api/v1")
                .contains("/swagger-ui.html").contains("org_demo");
        Path tokenFile = directory.resolve("data/demo-admin.token").toRealPath();
        assertThat(ready).contains(tokenFile.toString());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile))).isEqualTo("rw-------");

        String token = Files.readString(tokenFile).strip();
        assertThat(String.join("\n", lines)).doesNotContain(token);
        HttpResponse<String> board = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(node.url()
                + "/api/v1/engagements/" + DEMO_ENGAGEMENT + "/planning-view"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(board.statusCode()).isEqualTo(200);
        assertThat(board.body()).contains("Stakeholder interviews");

        // The test's own health polls are in the access log; a user's first start has none.
        List<String> beforeReady = lines.subList(0, lines.indexOf(ready)).stream()
                .filter(l -> !l.contains("firmos.access")).toList();
        assertThat(beforeReady).noneMatch(l -> l.contains("claimed the token") || l.contains("AxonIQ Console")
                || l.contains(":: Spring Boot ::") || l.contains("Migrating schema") || l.startsWith("\tat "));
        // The embedded database, the demo data and the three development-secret warnings: not a screenful.
        assertThat(beforeReady).hasSizeLessThanOrEqualTo(8);
    }

    @Test
    @Order(2)
    void aStopTakesTheProcessorsDownBeforeTheDatabaseAndSaysLittle() throws IOException {
        int linesBefore = lines().size();
        node.stop();
        List<String> afterStop = lines().subList(linesBefore, lines().size());
        assertThat(afterStop).noneMatch(l -> l.contains(" WARN ") || l.contains(" ERROR ") || l.startsWith("\tat "));
        assertThat(afterStop).hasSizeLessThanOrEqualTo(3).anyMatch(l -> l.contains("firmos is stopping"));
    }

    /** The AOT cache's training start (README, "Faster starts"): all of a start, then a stop that leaves nothing. */
    @Test
    @Order(3)
    void aStartAskedToExitWhenReadyStopsCleanlyWithItsDatabase(@TempDir Path training) throws Exception {
        int exit = Node.runToExit("exit-when-ready", training, Duration.ofMinutes(2),
                "--firmos.exit-when-ready=true");

        List<String> log = Files.readAllLines(Node.log("exit-when-ready"));
        assertThat(exit).as(String.join("\n", log)).isZero();
        assertThat(log).anyMatch(l -> l.contains("stopping, as firmos.exit-when-ready asks"))
                .noneMatch(l -> l.contains(" ERROR ") || l.startsWith("\tat "));
        // A running server keeps postmaster.pid in its data directory; a stopped one removes it.
        assertThat(training.resolve("data/postgres/PG_VERSION")).exists();
        assertThat(training.resolve("data/postgres/postmaster.pid")).doesNotExist();
    }

    private static List<String> lines() throws IOException {
        return Files.readAllLines(Node.log(NAME));
    }
}
