package com.firmos.benchmarks;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads of the past ({@code ?asOf=}) replay the tenant's history on every request. On a fresh server: one tenant
 * with a history of ACTIVITIES activities (each created and moved twice) and ten clients, another tenant with ten
 * clients; one replay at a time, then 24 callers replaying the first tenant at once (each waiting out a refusal's
 * Retry-After) while the other tenant reads its client list. First with the shipped limits, then with them lifted.
 */
final class AsOfBenchmark {

    private static final String HEAP = "512m";
    private static final int CALLERS = 24;
    private static final Duration WARMUP = Duration.ofSeconds(3);
    private static final Duration MEASURE = Duration.ofSeconds(15);

    private AsOfBenchmark() {
    }

    static void run(String[] args) throws Exception {
        int activities = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        System.out.println("| Limits | Replay alone p50 / p99 ms | Other tenant's `GET /clients` alone p50 / p99 ms"
                + " | the same beside 24 replaying callers | Replays answered: status × count |");
        System.out.println("|---|---|---|---|---|");
        measure("shipped: 2 per tenant, 4 in all", activities);
        measure("lifted", activities, "--firmos.history.concurrent-per-tenant=1000",
                "--firmos.history.concurrent=1000");
    }

    private static void measure(String limits, int activities, String... settings) throws Exception {
        try (Server server = Server.start(HEAP, Path.of("benchmarks/target/as-of-postgres"), settings)) {
            String history = server.adminToken("org_bench_history");
            String other = server.adminToken("org_bench_other");
            fill(server, history, activities);
            for (int i = 0; i < 10; i++) {
                server.post(other, "/api/v1/clients", "{\"name\": \"Other client " + i + "\"}");
            }
            String asOf = "/api/v1/clients?asOf=" + Instant.now();
            Latencies alone = Load.closed(1, WARMUP, MEASURE, caller -> () -> ok(server.get(history, asOf)));
            Latencies otherAlone = Load.closed(1, WARMUP, MEASURE,
                    caller -> () -> ok(server.get(other, "/api/v1/clients")));
            Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
            AtomicReference<Exception> failed = new AtomicReference<>();
            Thread replaying = Thread.ofPlatform().start(() -> {
                try {
                    Load.closed(CALLERS, WARMUP, MEASURE, caller -> () -> replayPolitely(server, history, asOf,
                            statuses));
                } catch (InterruptedException e) {
                    failed.set(e);
                }
            });
            Latencies otherBeside = Load.closed(1, WARMUP, MEASURE,
                    caller -> () -> ok(server.get(other, "/api/v1/clients")));
            replaying.join();
            if (failed.get() != null) {
                throw failed.get();
            }
            System.out.printf("| %s | %.0f / %.0f | %.1f / %.1f | %.1f / %.1f | %s |%n", limits, alone.millis(50),
                    alone.millis(99), otherAlone.millis(50), otherAlone.millis(99), otherBeside.millis(50),
                    otherBeside.millis(99), new TreeMap<>(statuses));
        }
    }

    /** One caller's read of the past; a refusal's Retry-After is waited out, as a well-behaved client does. */
    private static boolean replayPolitely(Server server, String token, String path, Map<Integer, Integer> statuses)
            throws Exception {
        HttpResponse<String> answer = server.get(token, path);
        statuses.merge(answer.statusCode(), 1, Integer::sum);
        String retryAfter = answer.headers().firstValue("Retry-After").orElse(null);
        if (retryAfter != null) {
            Thread.sleep(Duration.ofSeconds(Long.parseLong(retryAfter)));
        }
        return true;
    }

    private static void fill(Server server, String token, int activities) throws Exception {
        for (int i = 0; i < 10; i++) {
            server.post(token, "/api/v1/clients", "{\"name\": \"Bench client " + i + "\"}");
        }
        String client = server.post(token, "/api/v1/clients", "{\"name\": \"Engaged client\"}").get("profile")
                .get("id").asString();
        String engagement = server.post(token, "/api/v1/engagements", "{\"clientId\": \"" + client + "\"}")
                .get("id").asString();
        for (int i = 0; i < activities; i++) {
            String activity = server.post(token, "/api/v1/activities", "{\"engagementId\": \"" + engagement
                    + "\", \"title\": \"Bench activity " + i + "\"}").get("id").asString();
            server.post(token, "/api/v1/activities/" + activity + "/status", "{\"status\": \"in_progress\"}");
            server.post(token, "/api/v1/activities/" + activity + "/status", "{\"status\": \"done\"}");
        }
    }

    private static boolean ok(HttpResponse<String> answer) {
        return answer.statusCode() == 200;
    }
}
