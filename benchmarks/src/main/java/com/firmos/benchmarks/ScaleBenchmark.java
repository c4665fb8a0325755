package com.firmos.benchmarks;

import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One tenant at the scale: 2,000 clients, 500 engagements, 50,000 activities, 10,000 deals and status
 * changes up to EVENTS events in all (default 1,000,000, so as many timeline entries). Each kind of event is first
 * made once through the HTTP API; its stored row is then copied with new ids in bulk INSERT ... SELECT statements, so
 * every stored event is byte for byte what the application writes, and the real projectors build every read table
 * from them. Measured: the projections' first pass and a rebuild of all of them against a plain JDBC read of the
 * same events; each dashboard's p99 against the same rows by hand-written SQL; the live heap after the dashboards.
 */
final class ScaleBenchmark {

    static final String TENANT = "org_scale";
    private static final String HEAP = "512m";
    private static final int CLIENTS = 2_000;
    private static final int ENGAGEMENTS = 500;
    private static final int ACTIVITIES = 50_000;
    private static final int DEALS = 10_000;
    private static final int SAMPLES = 200;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ALL = "all";
    private static final Path DATA = Path.of("benchmarks/target/scale-postgres");

    private final Server server;
    private final String token;
    private final String operator;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private ScaleBenchmark(Server server, String token, String operator) {
        this.server = server;
        this.token = token;
        this.operator = operator;
    }

    static void run(String[] args) throws Exception {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        // "again": only the rebuilds, on the data directory a previous run loaded, so a change is measured quickly.
        boolean again = args.length > 1 && args[1].equals("again") && Files.isDirectory(DATA);
        try (Server server = again ? Server.startOn(HEAP, DATA) : Server.start(HEAP, DATA)) {
            ScaleBenchmark benchmark = new ScaleBenchmark(server, server.adminToken(TENANT),
                    server.operatorToken(TENANT));
            if (again) {
                benchmark.awaitProjections(System.nanoTime());
                benchmark.rebuilds(benchmark.count("%"), 0);
                return;
            }
            Templates templates = benchmark.templates();
            long loadStarted = System.nanoTime();
            long stored = benchmark.load(templates, events);
            System.out.printf("loaded %,d events in %.0f s%n", stored, (System.nanoTime() - loadStarted) / 1e9);
            List<String> dashboards = benchmark.dashboardPaths();
            Thread probe = Thread.ofVirtual().start(() -> benchmark.probe(dashboards));
            long firstPass = benchmark.awaitProjections(System.nanoTime());
            probe.interrupt();
            probe.join();
            benchmark.rebuilds(stored, firstPass);
            Latencies during = benchmark.probed();
            System.out.printf(Locale.ROOT, "%nDashboards during the first pass (%s, round robin, one every 100 ms):"
                    + " %,d GETs, p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d not 200%n", String.join(", ", dashboards),
                    during.nanos().length, during.millis(50), during.millis(99), during.millis(100),
                    during.failures());
            benchmark.probedByPath();
            benchmark.dashboards(templates);
        }
    }

    /**
     * The JDBC read (the median of three), then a rebuild of every projection twice and of the timeline alone, as a
     * table of one run. The first rebuild in a new JVM also pays for its JIT; the second is the steady state.
     */
    private void rebuilds(long stored, long firstPass) throws Exception {
        double[] reads = {readAllEvents(), readAllEvents(), readAllEvents()};
        Arrays.sort(reads);
        double jdbc = reads[1];
        String loadBefore = loadAverage();
        long rebuild = rebuild("/api/v1/admin/projections/rebuild");
        long again = rebuild("/api/v1/admin/projections/rebuild");
        long timeline = rebuild("/api/v1/admin/projections/timeline/rebuild");
        System.out.printf(Locale.ROOT, "%n| Pass | Events | Seconds | Events/s | ÷ JDBC read |%n"
                + "|---|---|---|---|---|%n");
        System.out.printf(Locale.ROOT, "| JDBC read in global order, fetch 1000 (median of %,.0f, %,.0f, %,.0f"
                + " events/s) | %,d | %.1f | %,.0f | 1.00 |%n", reads[0], reads[1], reads[2], stored, stored / jdbc,
                jdbc);
        if (firstPass > 0) {
            row("Projections' first pass (live catch-up)", stored, firstPass, jdbc);
        }
        row("Rebuild of every projection, the first in this JVM", stored, rebuild, jdbc);
        row("Rebuild of every projection, again", stored, again, jdbc);
        row("Rebuild of the timeline alone (one entry per event)", stored, timeline, jdbc);
        System.out.printf("load average before the rebuilds: %s, after: %s%n", loadBefore, loadAverage());
    }

    private long rebuild(String path) throws Exception {
        long started = System.nanoTime();
        server.post(operator, path, null);
        return awaitProjections(started, 250);
    }

    private static String loadAverage() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }


    /**
     * The tenant at scale with every projection caught up: the state the dashboards are read in. With
     * {@code loaded} the server's database already holds it (a second run on the same data directory). Answers the
     * number of stored events.
     */
    static long load(Server server, long events, boolean loaded) throws Exception {
        ScaleBenchmark benchmark = new ScaleBenchmark(server, server.adminToken(TENANT), server.operatorToken(TENANT));
        if (!loaded) {
            benchmark.load(benchmark.templates(), events);
        }
        benchmark.awaitProjections(System.nanoTime());
        return benchmark.count("%");
    }

    private static void row(String name, long events, long nanos, double baseline) {
        double perSecond = events / (nanos / 1e9);
        System.out.printf(Locale.ROOT, "| %s | %,d | %.1f | %,.0f | %.2f |%n", name, events, nanos / 1e9, perSecond,
                perSecond / baseline);
    }

    /** The aggregates the API made once, whose stored events are copied. */
    private record Templates(String client, String engagement, String activity, String deal) {
    }

    private Templates templates() throws Exception {
        String client = server.post(token, "/api/v1/clients", "{\"name\": \"Template client\"}").get("profile")
                .get("id").asString();
        String engagement = server.post(token, "/api/v1/engagements", "{\"clientId\": \"" + client + "\"}")
                .get("id").asString();
        String activity = server.post(token, "/api/v1/activities", "{\"engagementId\": \"" + engagement
                + "\", \"title\": \"Template activity\"}").get("id").asString();
        server.post(token, "/api/v1/activities/" + activity + "/status", "{\"status\": \"in_progress\"}");
        server.post(token, "/api/v1/activities/" + activity + "/status", "{\"status\": \"planned\"}");
        String deal = server.post(token, "/api/v1/deals", "{\"clientId\": \"" + client
                + "\", \"name\": \"Template deal\","
                + " \"value\": 25000}").get("id").asString();
        return new Templates(client, engagement, activity, deal);
    }

    /**
     * Copies the template aggregates' events. New ids are md5-derived uuids of a kind and a number, so each copy
     * can name its engagement or client without a lookup.
     */
    private long load(Templates templates, long events) throws Exception {
        long statusChanges = Math.max(0, events - CLIENTS - ENGAGEMENTS * count(templates.engagement())
                - ACTIVITIES - DEALS);
        try (Connection connection = server.database()) {
            copy(connection, templates.client(), CLIENTS, ALL, Map.of(templates.client(), id("client", "n")));
            copy(connection, templates.engagement(), ENGAGEMENTS, ALL, Map.of(templates.engagement(),
                    id("engagement", "n"), templates.client(), id("client", "n * 4")));
            copy(connection, templates.activity(), ACTIVITIES, "0", Map.of(templates.activity(),
                    id("activity", "n"), templates.engagement(), id("engagement", "(n - 1) / 100 + 1")));
            copy(connection, templates.deal(), DEALS, ALL, Map.of(templates.deal(), id("deal", "n"),
                    templates.client(), id("client", "(n - 1) / 5 + 1")));
            long perActivity = statusChanges / ACTIVITIES;
            for (long round = 0; round < perActivity; round++) {
                copy(connection, templates.activity(), ACTIVITIES, Long.toString(1 + round % 2),
                        Map.of(templates.activity(), id("activity", "n"), templates.engagement(),
                                id("engagement", "(n - 1) / 100 + 1")), 1 + round);
                System.out.printf("status changes: round %d of %d%n", round + 1, perActivity);
            }
            try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM domain_event_entry");
                    ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static void copy(Connection connection, String template, int copies, String sequence,
            Map<String, String> replacements) throws Exception {
        copy(connection, template, copies, sequence, replacements, 0);
    }

    /**
     * Inserts {@code copies} copies of the template aggregate's events with the given sequence numbers (a list for
     * SQL's IN, or {@link #ALL}), replacing ids by the SQL expressions given; a {@code sequence} above zero numbers
     * the copies' one event.
     */
    private static void copy(Connection connection, String template, int copies, String sequence,
            Map<String, String> replacements, long offset) throws Exception {
        String payload = "convert_from(t.payload, 'UTF8')";
        for (Map.Entry<String, String> replacement : replacements.entrySet()) {
            payload = "replace(" + payload + ", '" + replacement.getKey() + "', " + replacement.getValue() + ")";
        }
        String sql = """
                INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier,
                    sequence_number, type, payload_type, payload_revision, payload, meta_data, time_stamp)
                SELECT nextval('domain_event_entry_seq'), gen_random_uuid()::text, %s,
                    CASE WHEN %d > 0 THEN %d ELSE t.sequence_number END,
                    t.type, t.payload_type, t.payload_revision, convert_to(%s, 'UTF8'), t.meta_data,
                    to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
                FROM generate_series(1, %d) AS n
                CROSS JOIN domain_event_entry t
                WHERE t.aggregate_identifier = '%s' AND t.sequence_number IN (%s)
                ORDER BY n, t.sequence_number""".formatted(replacements.get(template), offset, offset, payload,
                copies, template, sequence.equals(ALL) ? "SELECT sequence_number FROM domain_event_entry"
                        + " WHERE aggregate_identifier = '" + template + "'" : sequence);
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.executeUpdate();
        }
    }

    private static String id(String kind, String number) {
        return "md5('" + kind + "-' || (" + number + ")::text)::uuid::text";
    }

    /** Stored events of the aggregates whose identifier is LIKE {@code aggregate}. */
    private long count(String aggregate) throws Exception {
        try (Connection connection = server.database(); PreparedStatement query = connection.prepareStatement(
                "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier LIKE ?")) {
            query.setString(1, aggregate);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private long awaitProjections(long started) throws Exception {
        return awaitProjections(started, 1000);
    }

    /** Polls every {@code pollMillis}: a rebuild of a few seconds is timed to a quarter second, a load to one. */
    private long awaitProjections(long started, long pollMillis) throws Exception {
        long deadline = started + Duration.ofMinutes(60).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> status = get("/api/v1/admin/projections");
            if (status.statusCode() != 200) {
                System.out.printf("projection status answered %d; asking again%n", status.statusCode());
                Thread.sleep(1000);
                continue;
            }
            JsonNode processors = JSON.readTree(status.body());
            long behind = processors.valueStream().mapToLong(processor -> processor.get("lag").asLong()).max()
                    .orElse(0);
            boolean replaying = processors.valueStream().anyMatch(processor -> processor.path("replaying")
                    .asBoolean(false));
            if (behind == 0 && !replaying) {
                return System.nanoTime() - started;
            }
            if (pollMillis >= 1000) {
                System.out.printf("projections: %,d events behind%n", behind);
            }
            Thread.sleep(pollMillis);
        }
        throw new IllegalStateException("the projections did not catch up within an hour");
    }

    /** Baseline: every event in global order with plain JDBC, fetch size 1000, touching payload and metadata. */
    private double readAllEvents() throws Exception {
        long started = System.nanoTime();
        long rows = 0;
        try (Connection connection = server.database()) {
            connection.setAutoCommit(false);
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT global_index, event_identifier, aggregate_identifier, sequence_number, type,
                        payload_type, payload_revision, payload, meta_data, time_stamp
                    FROM domain_event_entry ORDER BY global_index""")) {
                query.setFetchSize(1000);
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        rows += row.getBytes(8).length > 0 && row.getBytes(9).length > 0 ? 1 : 0;
                    }
                }
            }
            connection.rollback();
        }
        return rows / ((System.nanoTime() - started) / 1e9);
    }

    private List<String> dashboardPaths() throws Exception {
        return List.of("/api/v1/engagements/" + uuid("md5('engagement-' || 7)::uuid") + "/planning-view",
                "/api/v1/pipeline", "/api/v1/clients", "/api/v1/timeline?limit=50");
    }

    private final List<Long> probeNanos = new ArrayList<>();
    private final Map<String, List<Long>> probeNanosByPath = new LinkedHashMap<>();
    private long probeFailures;
    private long probeElapsed;

    /** GETs the dashboards in turn until interrupted: what a user meets while the projections catch up. */
    private void probe(List<String> paths) {
        long started = System.nanoTime();
        for (int i = 0; !Thread.currentThread().isInterrupted(); i++) {
            long sent = System.nanoTime();
            String path = paths.get(i % paths.size());
            try {
                if (get(path).statusCode() != 200) {
                    probeFailures++;
                }
                probeNanos.add(System.nanoTime() - sent);
                probeNanosByPath.computeIfAbsent(path, any -> new ArrayList<>()).add(System.nanoTime() - sent);
                Thread.sleep(100);
            } catch (InterruptedException stopped) {
                break;
            } catch (Exception failed) {
                probeFailures++;
            }
        }
        probeElapsed = System.nanoTime() - started;
    }

    private Latencies probed() {
        return new Latencies(probeNanos.stream().mapToLong(Long::longValue).toArray(), probeElapsed, probeFailures);
    }

    /** The probe's latencies dashboard by dashboard: which of them a catch-up slows. */
    private void probedByPath() {
        probeNanosByPath.forEach((path, nanos) -> {
            Latencies latencies = new Latencies(nanos.stream().mapToLong(Long::longValue).toArray(), probeElapsed, 0);
            System.out.printf(Locale.ROOT, "  %s: %,d GETs, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", path,
                    nanos.size(), latencies.millis(50), latencies.millis(99), latencies.millis(100));
        });
    }

    private void dashboards(Templates templates) throws Exception {
        String engagement = "md5('engagement-' || 7)::uuid";
        Map<String, String[]> pairs = new LinkedHashMap<>();
        pairs.put("Planning view of one engagement (100 activities)", new String[] {
            "/api/v1/engagements/" + uuid(engagement) + "/planning-view",
            "SELECT * FROM planning_activity WHERE organization_id = '" + TENANT + "' AND engagement_id = "
                    + engagement + " ORDER BY time_bucket, order_index"});
        pairs.put("Pipeline (10,000 deals)", new String[] {"/api/v1/pipeline",
            "SELECT * FROM crm_deal WHERE organization_id = '" + TENANT + "' AND stage IN ('lead', 'qualified',"
                    + " 'discovery', 'proposal', 'negotiation') ORDER BY stage_entered_at, id"});
        pairs.put("Health list (2,000 clients)", new String[] {"/api/v1/clients",
            "SELECT c.*, (SELECT max(i.occurred_at) FROM crm_interaction i WHERE i.client_id = c.id) FROM crm_client"
                    + " c WHERE c.organization_id = '" + TENANT + "' ORDER BY c.name"});
        pairs.put("Timeline page of 50 (of 1,000,000)", new String[] {"/api/v1/timeline?limit=50",
            "SELECT * FROM timeline_entry WHERE organization_id = '" + TENANT + "'"
                    + " ORDER BY occurred_at DESC, global_position DESC LIMIT 51"});
        System.out.printf("%n| Dashboard | Rows | HTTP p50 ms | HTTP p99 ms | SQL p99 ms | p99 ÷ SQL |%n"
                + "|---|---|---|---|---|---|%n");
        try (Connection connection = server.database()) {
            for (Map.Entry<String, String[]> pair : pairs.entrySet()) {
                Latencies viaHttp = sample(() -> get(pair.getValue()[0]).statusCode() == 200);
                long[] rows = {0};
                Latencies viaSql = sample(() -> {
                    try (PreparedStatement query = connection.prepareStatement(pair.getValue()[1]);
                            ResultSet row = query.executeQuery()) {
                        rows[0] = 0;
                        while (row.next()) {
                            rows[0]++;
                        }
                    }
                    return true;
                });
                System.out.printf(Locale.ROOT, "| %s | %,d | %.1f | %.1f | %.1f | %.2f |%n", pair.getKey(), rows[0],
                        viaHttp.millis(50), viaHttp.millis(99), viaSql.millis(99),
                        viaHttp.millis(99) / viaSql.millis(99));
            }
        }
        MemoryMXBean memory = server.memory();
        memory.gc();
        System.out.printf("%nlive heap after the dashboards and a full collection: %.0f MiB of %.0f MiB%n",
                memory.getHeapMemoryUsage().getUsed() / 1048576.0, memory.getHeapMemoryUsage().getMax() / 1048576.0);
    }

    private String uuid(String expression) throws Exception {
        try (Connection connection = server.database(); PreparedStatement query = connection.prepareStatement(
                "SELECT " + expression + "::text"); ResultSet row = query.executeQuery()) {
            row.next();
            return row.getString(1);
        }
    }

    /** Sequential samples after a warm-up of a quarter as many. */
    private static Latencies sample(Load.Operation operation) throws Exception {
        for (int i = 0; i < SAMPLES / 4; i++) {
            operation.call();
        }
        long[] nanos = new long[SAMPLES];
        long failures = 0;
        long started = System.nanoTime();
        for (int i = 0; i < SAMPLES; i++) {
            long at = System.nanoTime();
            failures += operation.call() ? 0 : 1;
            nanos[i] = System.nanoTime() - at;
        }
        return new Latencies(nanos, System.nanoTime() - started, failures);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

}
