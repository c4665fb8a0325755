package com.firmos.rest.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;

import com.firmos.rest.FirmosApplication;
import com.firmos.rest.cli.TokenCommand;
import com.firmos.rest.security.JwtProperties;

/**
 * The application in a JVM of its own, as an operator runs a node: its own port, the database given by URL, the
 * development token secret. Unlike the tests' in-process server it can die the hard way: {@link #kill()} sends
 * SIGKILL, so nothing of the application's shutdown runs. Its output goes to {@code target/nodes/<name>.log}.
 */
public final class Node implements AutoCloseable {

    private static final JwtProperties LOCAL_TOKENS = new JwtProperties(null, null,
            JwtProperties.DEVELOPMENT_SECRET, "firmos-local", Duration.ofHours(8), null, Duration.ofHours(12));

    private final String name;
    private final Process process;
    private final int port;

    private Node(String name, Process process, int port) {
        this.name = name;
        this.process = process;
        this.port = port;
    }

    /** Starts a node on the database and waits until its health is UP. */
    public static Node start(String name, DrillDatabase database) {
        return start(name, null, Map.of("SPRING_DATASOURCE_URL", database.url(),
                "SPRING_DATASOURCE_USERNAME", database.username(),
                "SPRING_DATASOURCE_PASSWORD", database.password()), List.of());
    }

    /**
     * Starts a node as a new user does: in a directory of its own, with no database given, so it starts its embedded
     * PostgreSQL there; its log starts empty.
     */
    public static Node startOnItsOwn(String name, Path workingDirectory, String... arguments) {
        return start(name, workingDirectory, Map.of(), List.of(arguments));
    }

    /** Runs the application in a directory of its own until it exits by itself; its exit code. */
    public static int runToExit(String name, Path workingDirectory, Duration within, String... arguments)
            throws IOException, InterruptedException {
        Files.createDirectories(log(name).getParent());
        Files.deleteIfExists(log(name));
        Process process = builder(name, workingDirectory, freePort(), Map.of(), List.of(arguments)).start();
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("node " + name + " did not exit within " + within);
        }
        return process.exitValue();
    }

    private static ProcessBuilder builder(String name, Path workingDirectory, int port, Map<String, String> settings,
            List<String> arguments) {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-cp", classpath, FirmosApplication.class.getName()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log(name).toFile()));
        if (workingDirectory != null) {
            builder.directory(workingDirectory.toFile());
            // As a new user starts it: none of this machine's settings for the application.
            builder.environment().keySet().removeIf(variable -> variable.startsWith("SPRING_")
                    || variable.startsWith("FIRMOS_"));
        }
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().putAll(settings);
        return builder;
    }

    private static Node start(String name, Path workingDirectory, Map<String, String> settings,
            List<String> arguments) {
        try {
            int port = freePort();
            Path log = log(name);
            Files.createDirectories(log.getParent());
            if (workingDirectory != null) {
                Files.deleteIfExists(log);
            }
            Node node = new Node(name, builder(name, workingDirectory, port, settings, arguments).start(), port);
            node.awaitHealthy();
            return node;
        } catch (IOException e) {
            throw new IllegalStateException("could not start node " + name, e);
        }
    }

    /** Where a node's output goes, absolute: the node may run in a directory of its own. */
    public static Path log(String name) {
        return Path.of("target", "nodes", name + ".log").toAbsolutePath();
    }

    /** SIGTERM, as a service manager stops it, and the exit code once it has stopped. */
    public int stop() {
        process.destroy();
        if (!awaitExit(Duration.ofSeconds(60))) {
            kill();
        }
        return process.exitValue();
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public Api api() {
        return new Api(url());
    }

    /** How Axon's token store names this node as the owner of a segment's claim ({@code pid@host}). */
    public String owner() {
        return process.pid() + "@";
    }

    public boolean owns(String claimOwner) {
        return claimOwner != null && claimOwner.startsWith(owner());
    }

    /** SIGKILL: no shutdown hook, no released claim, no finished request. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    public static String adminToken(String organization) {
        return token(organization, "admin");
    }

    /** A platform operator's token, for rebuilds. */
    public static String operatorToken(String organization) {
        return token(organization, "operator");
    }

    private static String token(String organization, String role) {
        try {
            return TokenCommand.mint(LOCAL_TOKENS, Map.of("sub", "user_drill", "org", organization, "role", role,
                    "name", "Drill"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            if (!awaitExit(Duration.ofSeconds(60))) {
                kill();
            }
        }
    }

    private boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitHealthy() {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create(url() + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        try {
            await().atMost(Duration.ofMinutes(3)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("node " + name + " exited with " + process.exitValue()
                            + "; see target/nodes/" + name + ".log");
                }
                try {
                    return http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (IOException notYet) {
                    return false;
                }
            });
        } catch (ConditionTimeoutException notUp) {
            close();
            throw new IllegalStateException("node " + name + " did not become healthy within 3 minutes", notUp);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
