package com.firmos.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

import org.springframework.context.ConfigurableApplicationContext;

import com.firmos.benchmarks.crud.CrudBaseline;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 21, target 5: each dashboard's p99 at most 1.5 times that of the same rows served as JSON by a plain CRUD
 * application (Spring MVC, JdbcTemplate, the same JWT check) on the same database in the same run. The tenant is
 * loaded as the scale harness loads it; then, per dashboard, product and baseline requests alternate on one HTTP
 * client, one at a time, so both see the same machine, caches and database.
 */
final class DashboardBenchmark {

    private static final String HEAP = "512m";
    private static final Path DATA = Path.of("benchmarks/target/dashboards-postgres");
    private static final int WARM_UP = 100;
    private static final int SAMPLES = 300;
    private static final double TARGET = 1.5;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One dashboard: the product's path, the baseline's, and how each answer counts its rows. */
    private record Dashboard(String name, String product, String baseline, ToIntFunction<JsonNode> productRows,
            ToIntFunction<JsonNode> baselineRows) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String token;

    private DashboardBenchmark(String token) {
        this.token = token;
    }

    static void run(String[] args) throws Exception {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 200_000L;
        // "again": the data directory a previous run loaded, so a change to the product is measured in minutes.
        boolean again = args.length > 1 && args[1].equals("again") && Files.isDirectory(DATA);
        try (Server server = again ? Server.startOn(HEAP, DATA) : Server.start(HEAP, DATA)) {
            long stored = ScaleBenchmark.load(server, events, again);
            long timeline = count(server, "SELECT count(*) FROM timeline_entry WHERE organization_id = '"
                    + ScaleBenchmark.TENANT + "'");
            System.out.printf("loaded %,d events, %,d timeline entries; projections caught up%n", stored, timeline);
            ConfigurableApplicationContext crud = CrudBaseline.start(server.jdbcUrl(), "none");
            try {
                String baseline = "http://127.0.0.1:" + crud.getEnvironment().getProperty("local.server.port");
                DashboardBenchmark benchmark = new DashboardBenchmark(server.adminToken(ScaleBenchmark.TENANT));
                benchmark.refusesBadTokens(baseline);
                benchmark.measure(dashboards(server, timeline), server.url(), baseline);
            } finally {
                crud.close();
            }
        }
    }

    private static List<Dashboard> dashboards(Server server, long timeline) throws Exception {
        String engagement = text(server, "SELECT md5('engagement-' || 7)::uuid::text");
        return List.of(
                new Dashboard("Planning view of one engagement",
                        "/api/v1/engagements/" + engagement + "/planning-view",
                        "/crud/dashboards/engagements/" + engagement + "/planning-view",
                        view -> view.get("buckets").valueStream().mapToInt(bucket -> bucket.get("activities").size())
                                .sum(),
                        board -> board.get("activities").size()),
                new Dashboard("Pipeline (open deals)", "/api/v1/pipeline", "/crud/dashboards/pipeline",
                        pipeline -> pipeline.get("openDeals").asInt(), JsonNode::size),
                new Dashboard("Health list (all clients)", "/api/v1/clients", "/crud/dashboards/clients",
                        list -> list.get("clients").size(), JsonNode::size),
                new Dashboard("Timeline page of 50 (of %,d)".formatted(timeline), "/api/v1/timeline?limit=50",
                        "/crud/dashboards/timeline", page -> page.get("entries").size(), JsonNode::size));
    }

    /** The baseline's JWT check is real: no token, or one signed with another key, is a 401. */
    private void refusesBadTokens(String baseline) throws Exception {
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + ".AAAA" + parts[2].substring(4);
        for (String candidate : new String[] {null, forged}) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseline + "/crud/dashboards/pipeline"));
            if (candidate != null) {
                request.header("Authorization", "Bearer " + candidate);
            }
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 401) {
                throw new IllegalStateException("the baseline answered " + status + " to a bad token");
            }
        }
    }

    private void measure(List<Dashboard> dashboards, String product, String baseline) throws Exception {
        StringBuilder table = new StringBuilder("""
                | Dashboard | Rows (product / baseline) | KiB (product / baseline) | Product p50 ms | Product p99 ms \
                | Baseline p50 ms | Baseline p99 ms | p99 ÷ baseline p99 | ≤ 1.5 |
                |---|---|---|---|---|---|---|---|---|
                """);
        for (Dashboard dashboard : dashboards) {
            HttpResponse<String> first = get(product + dashboard.product());
            HttpResponse<String> second = get(baseline + dashboard.baseline());
            int productRows = dashboard.productRows().applyAsInt(JSON.readTree(first.body()));
            int baselineRows = dashboard.baselineRows().applyAsInt(JSON.readTree(second.body()));
            for (int i = 0; i < WARM_UP; i++) {
                timed(product + dashboard.product());
                timed(baseline + dashboard.baseline());
            }
            long[] productNanos = new long[SAMPLES];
            long[] baselineNanos = new long[SAMPLES];
            long started = System.nanoTime();
            for (int i = 0; i < SAMPLES; i++) {
                productNanos[i] = timed(product + dashboard.product());
                baselineNanos[i] = timed(baseline + dashboard.baseline());
            }
            long elapsed = System.nanoTime() - started;
            Latencies ours = new Latencies(productNanos, elapsed, 0);
            Latencies theirs = new Latencies(baselineNanos, elapsed, 0);
            double ratio = ours.millis(99) / theirs.millis(99);
            String row = String.format(Locale.ROOT, "| %s | %,d / %,d | %.0f / %.0f | %.1f | %.1f | %.1f | %.1f | %.2f"
                    + " | %s |%n", dashboard.name(), productRows, baselineRows, first.body().length() / 1024.0,
                    second.body().length() / 1024.0, ours.millis(50), ours.millis(99), theirs.millis(50),
                    theirs.millis(99), ratio, ratio <= TARGET ? "met" : "missed");
            System.out.print(row);
            table.append(row);
        }
        System.out.printf("%n%s", table);
    }

    /** One GET's latency; anything but a 200 fails the run, so an error page is never timed as an answer. */
    private long timed(String url) throws Exception {
        long at = System.nanoTime();
        HttpResponse<String> response = get(url);
        long nanos = System.nanoTime() - at;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return nanos;
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static long count(Server server, String sql) throws Exception {
        return Long.parseLong(text(server, sql));
    }

    private static String text(Server server, String sql) throws Exception {
        try (Connection connection = server.database(); PreparedStatement query = connection.prepareStatement(sql);
                ResultSet row = query.executeQuery()) {
            row.next();
            return row.getString(1);
        }
    }
}
