package com.firmos.benchmarks;

import java.io.InputStream;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryUsage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exports a tenant's history of EVENTS stored events (default 1,000,000) as JSON Lines over HTTP from the real jar
 * running in a 128 MiB heap, and reads the same rows with plain JDBC (fetch size 1000) as the baseline in the same
 * run. The heap is sampled over JMX while the export runs: a streamed export keeps the live data flat, where one
 * that gathered the rows first could not fit them in that heap at all.
 */
final class AuditExportBenchmark {

    private static final String TENANT = "org_bench";
    private static final String HEAP = "128m";
    private static final int CHUNK = 50_000;

    private AuditExportBenchmark() {
    }

    static void run(String[] args) throws Exception {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        try (Server server = Server.start(HEAP, Path.of("benchmarks/target/audit-export-postgres"))) {
            load(server, events);
            String token = server.adminToken(TENANT);
            awaitProjections(server, token);
            Measured baseline = baseline(server);
            Measured export = export(server, token);
            Measured verification = verification(server, token);
            report(events, baseline, export, verification);
        }
    }

    /**
     * Writes the history straight into the event store in chunks, through the hash-chain trigger as any writer
     * would. The payload type is one no processor handles, so the projections skip it instead of building
     * millions of rows while the export is measured; the export reads stored rows and never needs the class.
     */
    private static void load(Server server, long events) throws Exception {
        long started = System.nanoTime();
        try (Connection connection = server.database(); PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier,
                    sequence_number, type, payload_type, payload_revision, payload, meta_data, time_stamp)
                SELECT nextval('domain_event_entry_seq'), gen_random_uuid()::text, 'bench-' || (g / 10), g % 10,
                    'Activity', 'com.firmos.benchmarks.SyntheticActivityEvent', '1',
                    convert_to(json_build_object('activityId', 'bench-' || (g / 10), 'organizationId', ?,
                        'engagementId', md5((g / 1000)::text)::uuid, 'details', json_build_object(
                        'title', 'Benchmark activity ' || g, 'description', repeat('x', 200),
                        'phase', 'activate', 'timeBucket', 'this_quarter', 'orderIndex', g % 10))::text, 'UTF8'),
                    convert_to(json_build_object('organizationId', ?, 'userId', 'user_bench', 'userName', 'Bench',
                        'correlationId', gen_random_uuid(), 'causationId', gen_random_uuid(),
                        'clientIp', '127.0.0.1', 'userAgent', 'firmos-benchmarks')::text, 'UTF8'),
                    to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
                FROM generate_series(?, ?) AS g""")) {
            for (long from = 0; from < events; from += CHUNK) {
                insert.setString(1, TENANT);
                insert.setString(2, TENANT);
                insert.setLong(3, from);
                insert.setLong(4, Math.min(events, from + CHUNK) - 1);
                insert.executeUpdate();
                System.out.printf("loaded %,d of %,d events (%ds)%n", Math.min(events, from + CHUNK), events,
                        Duration.ofNanos(System.nanoTime() - started).toSeconds());
            }
        }
    }

    private static void awaitProjections(Server server, String token) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        JsonMapper json = JsonMapper.builder().build();
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode processors = json.readTree(http.send(HttpRequest.newBuilder(
                    URI.create(server.url() + "/api/v1/admin/projections"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body());
            long behind = processors.valueStream().mapToLong(processor -> processor.get("lag").asLong()).max()
                    .orElse(0);
            if (behind == 0) {
                return;
            }
            System.out.printf("waiting for the projections to pass the history: %,d events behind%n", behind);
            Thread.sleep(5000);
        }
        throw new IllegalStateException("the projections did not catch up within 30 minutes");
    }

    private static Measured baseline(Server server) throws Exception {
        long started = System.nanoTime();
        long rows = 0;
        long bytes = 0;
        try (Connection connection = server.database()) {
            connection.setAutoCommit(false);
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT e.global_index, e.event_identifier, e.aggregate_identifier, e.sequence_number, e.type,
                        e.payload_type, e.payload_revision, e.time_stamp, e.payload, e.meta_data
                    FROM event_chain c JOIN domain_event_entry e ON e.global_index = c.global_index
                    WHERE c.organization_id = ? ORDER BY c.position""")) {
                query.setFetchSize(1000);
                query.setString(1, TENANT);
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        rows++;
                        bytes += row.getBytes("payload").length + row.getBytes("meta_data").length
                                + row.getString("event_identifier").length();
                    }
                }
            }
            connection.rollback();
        }
        return new Measured(rows, bytes, System.nanoTime() - started, null);
    }

    private static Measured export(Server server, String token) throws Exception {
        return measuredWithHeap(server, () -> {
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(server.url() + "/api/v1/admin/audit/events"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofInputStream());
            long lines = 0;
            long bytes = 0;
            byte[] buffer = new byte[64 * 1024];
            try (InputStream body = response.body()) {
                for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                    bytes += read;
                    for (int i = 0; i < read; i++) {
                        lines += buffer[i] == '\n' ? 1 : 0;
                    }
                }
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("export answered " + response.statusCode());
            }
            return new long[] {lines, bytes};
        });
    }

    private static Measured verification(Server server, String token) throws Exception {
        return measuredWithHeap(server, () -> {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(server.url() + "/api/v1/admin/audit/verification"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            List<String> lines = response.body().lines().toList();
            JsonNode verdict = JsonMapper.builder().build().readTree(lines.getLast()).get("verification");
            if (!verdict.get("intact").asBoolean()) {
                throw new IllegalStateException("the chain did not verify: " + verdict);
            }
            return new long[] {verdict.get("checked").asLong(), response.body().length()};
        });
    }

    private interface Run {
        long[] call() throws Exception;
    }

    /** Runs the call while a sampler reads the server's heap every 100 ms; reports the peaks it saw. */
    private static Measured measuredWithHeap(Server server, Run call) throws Exception {
        MemoryMXBean memory = server.memory();
        List<MemoryPoolMXBean> pools = server.heapPools();
        memory.gc();
        long liveBefore = afterCollection(pools);
        AtomicLong peakUsed = new AtomicLong();
        AtomicLong peakLive = new AtomicLong();
        Thread sampler = Thread.ofVirtual().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    peakUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    peakLive.accumulateAndGet(afterCollection(pools), Math::max);
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long started = System.nanoTime();
        long[] result = call.call();
        long elapsed = System.nanoTime() - started;
        sampler.interrupt();
        sampler.join();
        return new Measured(result[0], result[1], elapsed,
                new Heap(memory.getHeapMemoryUsage().getMax(), liveBefore, peakLive.get(), peakUsed.get()));
    }

    private static long afterCollection(List<MemoryPoolMXBean> pools) {
        return pools.stream().map(MemoryPoolMXBean::getCollectionUsage).filter(Objects::nonNull)
                .mapToLong(MemoryUsage::getUsed).sum();
    }

    private static void report(long events, Measured baseline, Measured export, Measured verification) {
        System.out.println();
        System.out.printf("| Run | Events | Seconds | Events/s | MiB | Heap max | Live before | Peak live"
                + " after GC | Peak used |%n|---|---|---|---|---|---|---|---|---|%n");
        System.out.println(baseline.row("Baseline: JDBC read, fetch 1000"));
        System.out.println(export.row("Export over HTTP (JSON Lines)"));
        System.out.println(verification.row("Verify the hash chain over HTTP"));
        System.out.printf("%nexport / baseline throughput: %.2f; events loaded: %,d%n",
                export.perSecond() / baseline.perSecond(), events);
    }

    private record Heap(long max, long liveBefore, long peakLive, long peakUsed) {
    }

    private record Measured(long events, long bytes, long nanos, Heap heap) {

        double perSecond() {
            return events / (nanos / 1e9);
        }

        String row(String name) {
            String memory = heap == null ? "- | - | - | -" : "%s | %s | %s | %s".formatted(mib(heap.max()),
                    mib(heap.liveBefore()), mib(heap.peakLive()), mib(heap.peakUsed()));
            return "| %s | %,d | %.1f | %,.0f | %,.0f | %s |".formatted(name, events, nanos / 1e9, perSecond(),
                    bytes / 1048576.0, memory);
        }

        private static String mib(long bytes) {
            return "%.0f MiB".formatted(bytes / 1048576.0);
        }
    }
}
