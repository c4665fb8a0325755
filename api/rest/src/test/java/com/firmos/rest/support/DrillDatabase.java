package com.firmos.rest.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database of its own on the tests' PostgreSQL for nodes started as processes, so a drill compares whole tables
 * without the other tests' tenants in them; dropped on close.
 */
public final class DrillDatabase implements AutoCloseable {

    /** What a rebuild does not write: the event store, Axon's and the application's own bookkeeping. */
    private static final Set<String> NOT_READ_MODELS = Set.of("association_value_entry", "dead_letter_entry",
            "domain_event_entry", "event_chain", "event_chain_head", "flyway_schema_history", "idempotent_request",
            "idempotent_step", "personal_data_erasure", "personal_data_key", "portal_failed_attempt",
            "processing_node", "saga_entry", "scheduled_tasks", "snapshot_event_entry", "token_entry",
            "crm_client_health_daily");
    private static final Pattern DATABASE_NAME = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(.*)");

    private final TestDatabase server = TestDatabase.get();
    private final String name = "drill_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final String url;
    private final JdbcClient jdbc;

    public DrillDatabase() {
        Matcher matcher = DATABASE_NAME.matcher(server.url());
        if (!matcher.matches()) {
            throw new IllegalStateException("not a PostgreSQL URL: " + server.url());
        }
        url = matcher.group(1) + name + matcher.group(3);
        onServer("CREATE DATABASE " + name);
        jdbc = JdbcClient.create(new DriverManagerDataSource(url, server.username(), server.password()));
    }

    public String url() {
        return url;
    }

    public String username() {
        return server.username();
    }

    public String password() {
        return server.password();
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    /** Every read table's row count and an order-independent checksum of its rows, by table name. */
    public Map<String, String> readModelChecksums() {
        Map<String, String> checksums = new TreeMap<>();
        jdbc.sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public'").query(String.class).list().stream()
                .filter(table -> !NOT_READ_MODELS.contains(table))
                .forEach(table -> checksums.put(table, jdbc.sql("SELECT count(*) || ' rows, ' || coalesce(md5("
                        + "string_agg(md5(t::text), '' ORDER BY md5(t::text))), '-') FROM " + table + " t")
                        .query(String.class).single()));
        return checksums;
    }

    @Override
    public void close() {
        onServer("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private void onServer(String statement) {
        try (Connection connection = DriverManager.getConnection(server.url(), server.username(), server.password())) {
            connection.createStatement().execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(statement + " failed", e);
        }
    }
}
