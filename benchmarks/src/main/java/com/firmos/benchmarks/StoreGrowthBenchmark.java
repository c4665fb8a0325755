package com.firmos.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Append throughput on an empty store and with HISTORY events already stored (default 10,000,000). Phase one
 * measures 8 clients changing their activities' status on a fresh server. The server then stops, and its database,
 * started on its own, receives the history in bulk: one activity's stored events (its creation and two status
 * changes) copied with new ids, ten events per copied activity, through the hash-chain trigger, as the application
 * would have stored them; every processor's token is then set to the new head, as if the projections had applied the
 * history. Phase two restarts the server on that database and measures the same clients again.
 */
final class StoreGrowthBenchmark {

    private static final String TENANT = "org_growth";
    private static final String HEAP = "512m";
    private static final int CLIENTS = 8;
    private static final int EVENTS_PER_AGGREGATE = 10;
    private static final long AGGREGATES_PER_STATEMENT = 100_000;
    private static final Path DATA = Path.of("benchmarks/target/store-growth-postgres");
    private static final Duration WARMUP = Duration.ofSeconds(15);
    private static final Duration MEASURE = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<String> activities = new ArrayList<>();

    static void run(String[] args) throws Exception {
        long history = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        StoreGrowthBenchmark benchmark = new StoreGrowthBenchmark();
        Latencies empty;
        long before;
        try (Server server = Server.start(HEAP, DATA)) {
            benchmark.setUp(server);
            empty = benchmark.measure(server);
            before = eventCount(server.database());
        }
        long started = System.nanoTime();
        long stored = benchmark.loadHistory(history);
        System.out.printf(Locale.ROOT, "stored %,d events of history in %.0f s%n", stored - before,
                (System.nanoTime() - started) / 1e9);
        Latencies full;
        try (Server server = Server.startOn(HEAP, DATA)) {
            full = benchmark.measure(server);
        }
        System.out.printf(Locale.ROOT, "%n| Store | Events stored | Commands | Per second | p50 ms | p99 ms | Failures"
                + " | ÷ empty (target ≥ 0.8) |%n|---|---|---|---|---|---|---|---|%n");
        row("Empty", before, empty, empty);
        row("With history", stored, full, empty);
    }

    private static void row(String name, long events, Latencies result, Latencies empty) {
        System.out.printf(Locale.ROOT, "| %s | %,d | %,d | %,.0f | %.1f | %.1f | %d | %.2f |%n", name, events,
                result.nanos().length, result.perSecond(), result.millis(50), result.millis(99), result.failures(),
                result.perSecond() / empty.perSecond());
    }

    private void setUp(Server server) throws Exception {
        String token = server.adminToken(TENANT);
        for (int i = 0; i < CLIENTS; i++) {
            String client = server.post(token, "/api/v1/clients", "{\"name\": \"Growth client " + i + "\"}")
                    .get("profile").get("id").asString();
            String engagement = server.post(token, "/api/v1/engagements", "{\"clientId\": \"" + client + "\"}")
                    .get("id").asString();
            activities.add(server.post(token, "/api/v1/activities", "{\"engagementId\": \"" + engagement
                    + "\", \"title\": \"Growth activity " + i + "\"}").get("id").asString());
        }
    }

    /** Each client toggles its own activity between two statuses, so every command is a change. */
    private Latencies measure(Server server) throws Exception {
        String token = server.adminToken(TENANT);
        return Load.closed(CLIENTS, WARMUP, MEASURE, client -> {
            String path = "/api/v1/activities/" + activities.get(client) + "/status";
            boolean[] odd = {false};
            return () -> {
                odd[0] = !odd[0];
                String body = "{\"status\": \"" + (odd[0] ? "in_progress" : "planned") + "\"}";
                return http.send(HttpRequest.newBuilder(URI.create(server.url() + path))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            };
        });
    }

    /** The history, written straight into the stopped server's database; returns the events stored in all. */
    private long loadHistory(long events) throws Exception {
        String template = activities.getFirst();
        long aggregates = events / EVENTS_PER_AGGREGATE;
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(DATA.toAbsolutePath())
                .setCleanDataDirectory(false).start();
                Connection connection = postgres.getPostgresDatabase().getConnection()) {
            for (long from = 1; from <= aggregates; from += AGGREGATES_PER_STATEMENT) {
                copy(connection, template, from, Math.min(aggregates, from + AGGREGATES_PER_STATEMENT - 1));
                System.out.printf("history: %,d of %,d aggregates%n", Math.min(aggregates,
                        from + AGGREGATES_PER_STATEMENT - 1), aggregates);
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("VACUUM ANALYZE domain_event_entry");
                statement.execute("VACUUM ANALYZE event_chain");
            }
            moveTokensToHead(connection);
            return eventCount(connection);
        }
    }

    private static void copy(Connection connection, String template, long from, long to) throws Exception {
        String id = "md5('history-' || n)::uuid::text";
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier,
                    sequence_number, type, payload_type, payload_revision, payload, meta_data, time_stamp)
                SELECT nextval('domain_event_entry_seq'), gen_random_uuid()::text, %s, k,
                    t.type, t.payload_type, t.payload_revision,
                    convert_to(replace(convert_from(t.payload, 'UTF8'), ?, %s), 'UTF8'), t.meta_data, t.time_stamp
                FROM generate_series(?, ?) AS n
                CROSS JOIN generate_series(0, %d) AS k
                JOIN domain_event_entry t ON t.aggregate_identifier = ?
                    AND t.sequence_number = CASE WHEN k = 0 THEN 0 ELSE 1 + (k - 1) %% 2 END
                ORDER BY n, k""".formatted(id, id, EVENTS_PER_AGGREGATE - 1))) {
            insert.setString(1, template);
            insert.setLong(2, from);
            insert.setLong(3, to);
            insert.setString(4, template);
            insert.executeUpdate();
        }
    }

    /** Every processor's segments start after the history, as if they had applied it; no claim is kept. */
    private static void moveTokensToHead(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement()) {
            try (ResultSet types = statement.executeQuery(
                    "SELECT DISTINCT token_type FROM token_entry WHERE token IS NOT NULL")) {
                while (types.next()) {
                    if (!types.getString(1).endsWith("GapAwareTrackingToken")) {
                        throw new IllegalStateException("a processor holds a " + types.getString(1));
                    }
                }
            }
            statement.executeUpdate("""
                    UPDATE token_entry SET owner = NULL, token = convert_to(regexp_replace(regexp_replace(
                        convert_from(token, 'UTF8'), '"index":[0-9]+', '"index":'
                            || (SELECT max(global_index) FROM domain_event_entry)),
                        '"gaps":\\[[^]]*\\]', '"gaps":[]'), 'UTF8')
                    WHERE token IS NOT NULL""");
        }
    }

    private static long eventCount(Connection connection) throws Exception {
        try (connection; PreparedStatement count = connection.prepareStatement(
                "SELECT count(*) FROM domain_event_entry"); ResultSet row = count.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

}
