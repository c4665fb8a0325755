package com.firmos.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

import tools.jackson.databind.json.JsonMapper;

/**
 * docs/RELIABILITY.md section 9 under load: 200 clients at once for a minute, spread over four tenants, each on
 * aggregates of its own, in a closed loop of reads and the three commands of {@link CommandPathBenchmark}. Counts
 * every answer by operation and status (and a 5xx's problem code); the target is no 5xx at all.
 */
final class BurstsBenchmark {

    private static final String HEAP = "512m";
    private static final int TENANTS = 4;
    private static final int CLIENTS = 200;
    private static final int SETUP_THREADS = 8;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Server server;
    private final List<String> tokens;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, LongAdder> answers = new ConcurrentHashMap<>();
    private final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();

    private record Fixture(String token, String client, String engagement, String activity, String deal) {
    }

    private BurstsBenchmark(Server server, List<String> tokens) {
        this.server = server;
        this.tokens = tokens;
    }

    static void run(String[] args) throws Exception {
        Duration measure = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 60);
        try (Server server = Server.start(HEAP, Path.of("benchmarks/target/bursts-postgres"))) {
            List<String> tokens = new ArrayList<>();
            for (int tenant = 0; tenant < TENANTS; tenant++) {
                tokens.add(server.adminToken("org_burst_" + tenant));
            }
            BurstsBenchmark benchmark = new BurstsBenchmark(server, tokens);
            List<Fixture> fixtures = benchmark.setUp();
            long started = System.nanoTime();
            benchmark.drive(fixtures, measure);
            benchmark.report(measure, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** Each client's own client, engagement, activity and deal, in its tenant; sent from a few threads. */
    private List<Fixture> setUp() throws Exception {
        try (ExecutorService threads = Executors.newFixedThreadPool(SETUP_THREADS)) {
            List<Future<Fixture>> made = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                String token = tokens.get(i % TENANTS);
                int index = i;
                made.add(threads.submit(() -> {
                    String client = server.post(token, "/api/v1/clients", "{\"name\": \"Burst client " + index
                            + "\"}").get("profile").get("id").asString();
                    String engagement = server.post(token, "/api/v1/engagements", "{\"clientId\": \"" + client
                            + "\"}").get("id").asString();
                    String activity = server.post(token, "/api/v1/activities", "{\"engagementId\": \""
                            + engagement + "\", \"title\": \"Burst activity " + index + "\"}").get("id").asString();
                    String deal = server.post(token, "/api/v1/deals", "{\"clientId\": \"" + client
                            + "\", \"name\": \"Burst deal " + index + "\", \"value\": 1000}").get("id").asString();
                    return new Fixture(token, client, engagement, activity, deal);
                }));
            }
            List<Fixture> fixtures = new ArrayList<>();
            for (Future<Fixture> fixture : made) {
                fixtures.add(fixture.get());
            }
            return fixtures;
        }
    }

    /** Every client in turn: two reads, then one of the three commands, round after round until the end. */
    private void drive(List<Fixture> fixtures, Duration measure) throws InterruptedException {
        long end = System.nanoTime() + measure.toNanos();
        List<Thread> clients = new ArrayList<>();
        for (Fixture fixture : fixtures) {
            clients.add(Thread.ofVirtual().start(() -> {
                boolean toggled = false;
                for (int round = 0; System.nanoTime() < end; round++) {
                    call("read activity", fixture.token(), "GET", "/api/v1/activities/" + fixture.activity(),
                            null);
                    call("read planning view", fixture.token(), "GET", "/api/v1/engagements/"
                            + fixture.engagement() + "/planning-view", null);
                    switch (round % 3) {
                        case 0 -> call("change status", fixture.token(), "POST", "/api/v1/activities/"
                                + fixture.activity() + "/status", "{\"status\": \"" + (toggled ? "planned"
                                : "in_progress") + "\"}");
                        case 1 -> call("log interaction", fixture.token(), "POST", "/api/v1/clients/"
                                + fixture.client() + "/interactions", "{\"type\": \"call\", \"subject\":"
                                + " \"Burst call\", \"occurredAt\": \"" + Instant.now() + "\"}");
                        default -> {
                            call("move deal", fixture.token(), "POST", "/api/v1/deals/" + fixture.deal()
                                    + "/stage", "{\"stage\": \"" + (toggled ? "lead" : "qualified") + "\"}");
                            toggled = !toggled;
                        }
                    }
                }
            }));
        }
        for (Thread client : clients) {
            client.join();
        }
    }

    /** One request; its answer counted as operation, status and, for a refusal, its problem code. */
    private void call(String operation, String token, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        long started = System.nanoTime();
        String outcome;
        try {
            HttpResponse<String> response = http.send(request.method(method, body == null
                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            outcome = Integer.toString(response.statusCode());
            if (response.statusCode() >= 400) {
                outcome += " " + problemCode(response.body());
            }
        } catch (Exception failed) {
            outcome = "no answer: " + failed.getClass().getSimpleName();
        }
        answers.computeIfAbsent(operation + " | " + outcome, key -> new LongAdder()).increment();
        List<Long> mine = latencies.computeIfAbsent(operation, key -> new ArrayList<>());
        synchronized (mine) {
            mine.add(System.nanoTime() - started);
        }
    }

    private static String problemCode(String body) {
        try {
            return JSON.readTree(body).path("code").asString("(no code)");
        } catch (RuntimeException notJson) {
            return "(not problem+json)";
        }
    }

    private void report(Duration measure, Duration took) {
        System.out.printf(Locale.ROOT, "%n%d clients over %d tenants, %d s (ran %.1f s)%n%n| Operation | Answer |"
                + " Count |%n|---|---|---|%n", CLIENTS, TENANTS, measure.toSeconds(), took.toMillis() / 1e3);
        long serverErrors = 0;
        long total = 0;
        for (Map.Entry<String, LongAdder> answer : new TreeMap<>(answers).entrySet()) {
            long count = answer.getValue().sum();
            String[] parts = answer.getKey().split(" \\| ", 2);
            System.out.printf(Locale.ROOT, "| %s | %s | %,d |%n", parts[0], parts[1], count);
            total += count;
            if (parts[1].startsWith("5") || parts[1].startsWith("no answer")) {
                serverErrors += count;
            }
        }
        System.out.printf(Locale.ROOT, "%n| Operation | Requests | p50 ms | p99 ms | max ms |%n"
                + "|---|---|---|---|---|%n");
        for (Map.Entry<String, List<Long>> operation : new TreeMap<>(latencies).entrySet()) {
            Latencies of = new Latencies(operation.getValue().stream().mapToLong(Long::longValue).toArray(),
                    measure.toNanos(), 0);
            System.out.printf(Locale.ROOT, "| %s | %,d | %.1f | %.1f | %.1f |%n", operation.getKey(),
                    of.nanos().length, of.millis(50), of.millis(99), of.millis(100));
        }
        System.out.printf(Locale.ROOT, "%n%,d requests, %,d answered 5xx or not at all%n", total, serverErrors);
    }
}
