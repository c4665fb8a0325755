package com.firmos.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application jar as operators run it, in a process of its own and in development mode (the shipped secrets):
 * its embedded PostgreSQL in a fresh data directory on a known port (so the harness can load data and read baselines
 * over JDBC), a fixed heap, and JMX on loopback so the harness can watch that heap.
 */
final class Server implements AutoCloseable {

    /** The jar under test; {@code FIRMOS_JAR} names a copy, so a rebuild during a long run cannot pull it away. */
    static final Path JAR = Path.of(System.getenv().getOrDefault("FIRMOS_JAR", "api/rest/target/firmos.jar"));

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Process process;
    private final int httpPort;
    private final int databasePort;
    private final JMXConnector jmx;
    private final String java;

    private Server(Process process, int httpPort, int databasePort, JMXConnector jmx, String java) {
        this.process = process;
        this.httpPort = httpPort;
        this.databasePort = databasePort;
        this.jmx = jmx;
        this.java = java;
    }

    /** Starts on a fresh data directory, with {@code settings} as the jar's own arguments ({@code --name=value}). */
    static Server start(String heap, Path dataDirectory, String... settings) throws Exception {
        deleteRecursively(dataDirectory);
        return startOn(heap, dataDirectory, settings);
    }

    /** Starts on the data directory as it is: a second start finds its database initialised and migrated. */
    static Server startOn(String heap, Path dataDirectory, String... settings) throws Exception {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run ./mvnw -q install -DskipTests first");
        }
        int httpPort = freePort();
        int databasePort = freePort();
        int jmxPort = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        // JVM options under test, before the jar: FIRMOS_BENCH_JVM_ARGS="-XX:AOTCache=firmos-app/firmos.aot"
        String jvm = System.getenv().getOrDefault("FIRMOS_BENCH_JVM_ARGS", "").strip();
        if (!jvm.isEmpty()) {
            command.addAll(List.of(jvm.split("\\s+")));
        }
        command.addAll(List.of("-Xmx" + heap, "-Xms" + heap,
                "-Dcom.sun.management.jmxremote.port=" + jmxPort, "-Dcom.sun.management.jmxremote.rmi.port=" + jmxPort,
                "-Dcom.sun.management.jmxremote.host=127.0.0.1", "-Djava.rmi.server.hostname=127.0.0.1",
                "-Dcom.sun.management.jmxremote.authenticate=false", "-Dcom.sun.management.jmxremote.ssl=false",
                "-jar", JAR.toString()));
        command.addAll(List.of(settings));
        // Settings under test, as the jar's own arguments: FIRMOS_BENCH_ARGS="--axon.eventhandling...=1000 ..."
        String extra = System.getenv().getOrDefault("FIRMOS_BENCH_ARGS", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log").toFile()));
        builder.environment().put("SERVER_PORT", Integer.toString(httpPort));
        builder.environment().put("FIRMOS_EMBEDDED_POSTGRES_DATA_DIRECTORY", dataDirectory.toString());
        builder.environment().put("FIRMOS_EMBEDDED_POSTGRES_PORT", Integer.toString(databasePort));
        builder.environment().remove("SPRING_DATASOURCE_URL");
        builder.environment().put("FIRMOS_DEV_MODE", "true");
        Process process = builder.start();
        awaitHealthy(process, httpPort);
        JMXConnector jmx = JMXConnectorFactory.connect(new JMXServiceURL(
                "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi"));
        return new Server(process, httpPort, databasePort, jmx, java);
    }

    String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** POSTs JSON (or nothing) as the token's caller; the answer's JSON, and anything but a 2xx fails the run. */
    JsonNode post(String token, String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    /** GETs as the token's caller; the answer whatever its status. */
    HttpResponse<String> get(String token, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url() + path)).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    Connection database() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "postgres");
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + databasePort + "/postgres";
    }

    /** A token minted by the jar's own {@code token} sub-command with the development secret the server uses. */
    String adminToken(String organization) throws IOException, InterruptedException {
        return token(organization, "admin");
    }

    /** A platform operator's token: rebuilds and the full processing status (head, segments) need one. */
    String operatorToken(String organization) throws IOException, InterruptedException {
        return token(organization, "operator");
    }

    private String token(String organization, String role) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", JAR.toString(), "token", "--sub", "user_bench",
                "--name", "Bench", "--org", organization, "--role", role).redirectErrorStream(false);
        builder.environment().put("FIRMOS_DEV_MODE", "true");
        Process minting = builder.start();
        String token = new String(minting.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (minting.waitFor() != 0 || token.isEmpty()) {
            throw new IllegalStateException("could not mint a token");
        }
        return token;
    }

    MemoryMXBean memory() throws IOException {
        return ManagementFactory.newPlatformMXBeanProxy(connection(), ManagementFactory.MEMORY_MXBEAN_NAME,
                MemoryMXBean.class);
    }

    /** The heap pools, whose usage after the last collection is the live data a run kept. */
    List<MemoryPoolMXBean> heapPools() throws IOException {
        List<MemoryPoolMXBean> pools = new ArrayList<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getPlatformMXBeans(connection(), MemoryPoolMXBean.class)) {
            if (pool.getType() == MemoryType.HEAP) {
                pools.add(pool);
            }
        }
        return pools;
    }

    private MBeanServerConnection connection() throws IOException {
        return jmx.getMBeanServerConnection();
    }

    @Override
    public void close() throws Exception {
        jmx.close();
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static void awaitHealthy(Process process, int port) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue());
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the server did not become healthy within 3 minutes");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
