package com.firmos.rest.operations;

import static com.firmos.rest.support.Json.flag;
import static com.firmos.rest.support.Json.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import com.firmos.rest.support.IntegrationTest;
import com.firmos.rest.support.Playbook;
import com.firmos.rest.support.TestDatabase;

import tools.jackson.databind.JsonNode;

/** A processor that stands still behind the head of the store is reported, though it has no error of its own. */
class ProcessorStallHealthTest extends IntegrationTest {

    @Test
    void healthIsDownWhileAProjectionWaitsAndUpOnceItMovesAgain() throws Exception {
        Playbook playbook = new Playbook(api, admin());
        String activity = playbook.activity("Kick-off");
        TestDatabase database = TestDatabase.get();
        CompletableFuture<Integer> move;
        try (Connection blocker = DriverManager.getConnection(database.url(), database.username(),
                database.password()); Statement statement = blocker.createStatement()) {
            // This session idles in its transaction on purpose, longer than the database lets others.
            statement.execute("SET idle_in_transaction_session_timeout = 0");
            blocker.setAutoCommit(false);
            // The timeline's writes wait on this lock: its processor is running, has no error, and does not move.
            statement.execute("LOCK TABLE timeline_entry IN SHARE MODE");
            move = CompletableFuture.supplyAsync(() -> playbook.move(activity, "next_quarter", 0).status());

            await("the timeline is reported stalled").atMost(Duration.ofSeconds(30)).until(() -> stalled("timeline"));
            assertThat(text(processors(), "status")).isEqualTo("DOWN");
            assertThat(stalledSegments("planning-view")).isZero();
            blocker.rollback();
        }

        await("health is up again once the timeline moved").atMost(Duration.ofSeconds(30))
                .until(() -> "UP".equals(text(processors(), "status")));
        assertThat(move.get()).isBetween(200, 299);
    }

    private boolean stalled(String processor) {
        return stalledSegments(processor) > 0;
    }

    private long stalledSegments(String processor) {
        return processors().get("details").get(processor).get("segments").valueStream()
                .filter(segment -> flag(segment, "stalled")).count();
    }

    private JsonNode processors() {
        return api.get("/actuator/health", operator()).at("components/eventProcessors");
    }
}
