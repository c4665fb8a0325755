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
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

import org.springframework.context.ConfigurableApplicationContext;

import com.firmos.benchmarks.crud.CrudBaseline;

/**
 * The command path over HTTP at 1, 8 and 32 clients, each client on aggregates of its own: change an activity's
 * status, log an interaction, move a deal. Baselines in the same run on the same PostgreSQL: (a) the event's row
 * written with plain JDBC, one transaction per command; (b) the same change as plain CRUD with Spring Data JPA
 * (update the row, insert an audit row) behind Spring MVC. Then each command and (b) in an open loop at half the
 * command's sustained rate, for p99 at the same offered rate and the lag from the 2xx to the read table.
 */
final class CommandPathBenchmark {

    private static final String TENANT = "org_bench";
    private static final String HEAP = "512m";
    private static final int[] CLIENTS = {1, 8, 32};
    private static final int MOST = 32;

    private final Server server;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Duration warmup;
    private final Duration measure;
    private final List<Fixture> fixtures = new ArrayList<>();
    private final List<Long> lags = new ArrayList<>();
    private final List<Connection> opened = new ArrayList<>();

    private record Fixture(String client, String activity, String deal) {
    }

    private CommandPathBenchmark(Server server, String token, Duration warmup, Duration measure) {
        this.server = server;
        this.token = token;
        this.warmup = warmup;
        this.measure = measure;
    }

    static void run(String[] args) throws Exception {
        Duration measure = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 15);
        Duration warmup = Duration.ofSeconds(Math.max(3, measure.toSeconds() / 3));
        try (Server server = Server.start(HEAP, Path.of("benchmarks/target/command-path-postgres"))) {
            CommandPathBenchmark benchmark = new CommandPathBenchmark(server, server.adminToken(TENANT), warmup,
                    measure);
            benchmark.setUp();
            ConfigurableApplicationContext crud = CrudBaseline.start(server.jdbcUrl());
            try {
                benchmark.report(benchmark.measureAll(crud.getEnvironment().getProperty("local.server.port")));
            } finally {
                crud.close();
            }
        }
    }

    private void setUp() throws Exception {
        for (int i = 0; i < MOST; i++) {
            String client = server.post(token, "/api/v1/clients", "{\"name\": \"Bench client " + i + "\"}")
                    .get("profile").get("id").asString();
            String engagement = server.post(token, "/api/v1/engagements", "{\"clientId\": \"" + client + "\"}")
                    .get("id").asString();
            String activity = server.post(token, "/api/v1/activities", "{\"engagementId\": \"" + engagement
                    + "\", \"title\": \"Bench activity " + i + "\"}").get("id").asString();
            String deal = server.post(token, "/api/v1/deals", "{\"clientId\": \"" + client
                    + "\", \"name\": \"Bench deal " + i
                    + "\", \"value\": 1000}").get("id").asString();
            fixtures.add(new Fixture(client, activity, deal));
        }
        try (Connection connection = server.database(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE bench_event (LIKE domain_event_entry INCLUDING DEFAULTS INCLUDING CONSTRAINTS
                        INCLUDING INDEXES);
                    CREATE SEQUENCE bench_event_seq;
                    CREATE TABLE crud_record (id UUID PRIMARY KEY, state VARCHAR(255), version BIGINT NOT NULL);
                    CREATE TABLE crud_audit (id UUID PRIMARY KEY, record_id UUID, old_state VARCHAR(255),
                        new_state VARCHAR(255), changed_at TIMESTAMP(6) WITH TIME ZONE);
                    CREATE INDEX idx_crud_audit_record ON crud_audit (record_id);""");
            for (int i = 0; i < 2 * MOST; i++) {
                statement.execute("INSERT INTO crud_record VALUES ('" + record(i) + "', 'planned', 0)");
            }
        }
    }

    private Map<String, Latencies[]> measureAll(String crudPort) throws Exception {
        Map<String, IntFunction<Load.Operation>> operations = new LinkedHashMap<>();
        operations.put("Change an activity's status", this::changeStatus);
        operations.put("Log an interaction", this::logInteraction);
        operations.put("Move a deal", this::moveDeal);
        operations.put("(a) JDBC: insert the event row", this::jdbcInsert);
        operations.put("(b) CRUD: Spring Data JPA update + audit", client -> crudChange(crudPort, client, false));
        Map<String, Latencies[]> results = new LinkedHashMap<>();
        for (Map.Entry<String, IntFunction<Load.Operation>> operation : operations.entrySet()) {
            Latencies[] byClients = new Latencies[CLIENTS.length + 2];
            for (int i = 0; i < CLIENTS.length; i++) {
                byClients[i] = Load.closed(CLIENTS[i], warmup, measure, operation.getValue());
                closeConnections();
                System.out.println(byClients[i].row(operation.getKey(), CLIENTS[i]));
            }
            results.put(operation.getKey(), byClients);
        }
        List<String> commands = List.copyOf(results.keySet()).subList(0, 3);
        for (String command : commands) {
            Latencies[] byClients = results.get(command);
            double rate = 0.5 * Math.max(byClients[0].perSecond(), Math.max(byClients[1].perSecond(),
                    byClients[2].perSecond()));
            lags.clear();
            boolean status = command.equals(commands.getFirst());
            byClients[CLIENTS.length] = Load.open(MOST, rate, warmup, measure, status
                    ? client -> changeStatusAndWatch(client) : operations.get(command));
            closeConnections();
            byClients[CLIENTS.length + 1] = Load.open(MOST, rate, warmup, measure,
                    client -> crudChange(crudPort, client, true));
            System.out.printf("open loop at %.0f/s: %s p99 %.1f ms, CRUD p99 %.1f ms%n", rate, command,
                    byClients[CLIENTS.length].millis(99), byClients[CLIENTS.length + 1].millis(99));
            if (status) {
                results.put("lag", new Latencies[] {new Latencies(lags.stream().mapToLong(Long::longValue)
                        .toArray(), 1, 0)});
            }
        }
        return results;
    }

    private Load.Operation changeStatus(int client) {
        return toggling("/api/v1/activities/" + fixtures.get(client).activity() + "/status", "status",
                "in_progress", "planned");
    }

    /** Sends the field's two values in turn: each command is a change, and the aggregate stays where it was. */
    private Load.Operation toggling(String path, String field, String first, String second) {
        boolean[] odd = {false};
        return () -> {
            odd[0] = !odd[0];
            return send(path, "{\"" + field + "\": \"" + (odd[0] ? first : second) + "\"}") == 200;
        };
    }

    /** The status change, then how long after its 2xx the board's table shows it. */
    private Load.Operation changeStatusAndWatch(int client) {
        String activity = fixtures.get(client).activity();
        String path = "/api/v1/activities/" + activity + "/status";
        boolean[] started = {false};
        Connection connection = connect();
        return () -> {
            started[0] = !started[0];
            String target = started[0] ? "in_progress" : "planned";
            if (send(path, "{\"status\": \"" + target + "\"}") != 200) {
                return false;
            }
            long answered = System.nanoTime();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT status FROM planning_activity WHERE id = CAST(? AS uuid)")) {
                query.setString(1, activity);
                while (true) {
                    try (ResultSet row = query.executeQuery()) {
                        if (row.next() && target.equalsIgnoreCase(row.getString(1))) {
                            break;
                        }
                    }
                }
            }
            long lag = System.nanoTime() - answered;
            synchronized (lags) {
                lags.add(lag);
            }
            return true;
        };
    }

    private Load.Operation logInteraction(int client) {
        String path = "/api/v1/clients/" + fixtures.get(client).client() + "/interactions";
        return () -> send(path, "{\"type\": \"call\", \"subject\": \"Bench call\", \"occurredAt\": \""
                + Instant.now() + "\"}") == 201;
    }

    private Load.Operation moveDeal(int client) {
        return toggling("/api/v1/deals/" + fixtures.get(client).deal() + "/stage", "stage", "qualified", "lead");
    }

    /** The row an event of this command makes, its payload and metadata the size of a real one. */
    private Load.Operation jdbcInsert(int client) {
        Connection connection = connect();
        String aggregate = UUID.randomUUID().toString();
        long[] sequence = {0};
        byte[][] sample = sampleEvent();
        return () -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO bench_event (global_index, event_identifier, aggregate_identifier, sequence_number,
                        type, payload_type, payload_revision, payload, meta_data, time_stamp)
                    VALUES (nextval('bench_event_seq'), ?, ?, ?, 'Activity',
                        'com.firmos.api.messages.activity.ActivityStatusChangedEvent', '1', ?, ?, ?)""")) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, aggregate);
                insert.setLong(3, sequence[0]++);
                insert.setBytes(4, sample[0]);
                insert.setBytes(5, sample[1]);
                insert.setString(6, Instant.now().toString());
                return insert.executeUpdate() == 1;
            }
        };
    }

    private Load.Operation crudChange(String port, int client, boolean open) {
        URI uri = URI.create("http://127.0.0.1:" + port + "/crud/records/" + record(open ? client + MOST : client));
        boolean[] started = {false};
        return () -> {
            started[0] = !started[0];
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"state\": \"" + (started[0] ? "in_progress"
                            : "planned") + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        };
    }

    private byte[][] sampleEvent() {
        try (Connection connection = server.database(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("""
                        SELECT payload, meta_data FROM domain_event_entry
                        WHERE payload_type LIKE '%ActivityStatusChangedEvent' ORDER BY global_index DESC LIMIT 1""")) {
            if (!row.next()) {
                throw new IllegalStateException("no status change stored yet to take the row's size from");
            }
            return new byte[][] {row.getBytes(1), row.getBytes(2)};
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection connect() {
        try {
            Connection connection = server.database();
            synchronized (opened) {
                opened.add(connection);
            }
            return connection;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void closeConnections() throws Exception {
        synchronized (opened) {
            for (Connection connection : opened) {
                connection.close();
            }
            opened.clear();
        }
    }

    private static UUID record(int index) {
        return UUID.nameUUIDFromBytes(("crud-" + index).getBytes());
    }

    private int send(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }


    private void report(Map<String, Latencies[]> results) {
        System.out.println();
        System.out.println(Latencies.header());
        results.forEach((name, byClients) -> {
            for (int i = 0; i < CLIENTS.length && !name.equals("lag"); i++) {
                System.out.println(byClients[i].row(name, CLIENTS[i]));
            }
        });
        Latencies[] jdbc = results.get("(a) JDBC: insert the event row");
        Latencies[] crud = results.get("(b) CRUD: Spring Data JPA update + audit");
        System.out.printf("%n| Command | Clients | ÷ (b) CRUD | ÷ (a) JDBC |%n|---|---|---|---|%n");
        for (String command : List.copyOf(results.keySet()).subList(0, 3)) {
            for (int i = 0; i < CLIENTS.length; i++) {
                double perSecond = results.get(command)[i].perSecond();
                System.out.printf(Locale.ROOT, "| %s | %d | %.2f | %.3f |%n", command, CLIENTS[i],
                        perSecond / crud[i].perSecond(), perSecond / jdbc[i].perSecond());
            }
        }
        System.out.printf("%n| Command (open loop) | Offered /s | p99 ms | (b) p99 ms at the same rate | ratio |"
                + "%n|---|---|---|---|---|%n");
        for (String command : List.copyOf(results.keySet()).subList(0, 3)) {
            Latencies mine = results.get(command)[CLIENTS.length];
            Latencies theirs = results.get(command)[CLIENTS.length + 1];
            System.out.printf(Locale.ROOT, "| %s | %.0f | %.1f | %.1f | %.2f |%n", command, mine.perSecond(),
                    mine.millis(99), theirs.millis(99), mine.millis(99) / theirs.millis(99));
        }
        Latencies lag = results.get("lag")[0];
        Latencies status = results.get(List.copyOf(results.keySet()).getFirst())[CLIENTS.length];
        System.out.printf(Locale.ROOT, "%nlag from 2xx to planning_activity: p50 %.2f ms, p99 %.2f ms over %,d"
                + " commands; command p99 %.1f ms; lag p99 / command p99 = %.3f%n", lag.millis(50), lag.millis(99),
                lag.nanos().length, status.millis(99), lag.millis(99) / status.millis(99));
    }
}
