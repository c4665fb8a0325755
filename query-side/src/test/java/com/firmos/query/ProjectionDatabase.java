package com.firmos.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL the query side's tests project into, provisioned once per test JVM: a database of its own on the
 * server named by {@code TEST_DATABASE_URL} (dropped when the JVM ends), else an embedded PostgreSQL 17; every
 * migration of the {@code migrations} module applied. Projector resets are tenant-blind, which is why the database
 * is these tests' alone.
 */
public final class ProjectionDatabase {

    private static DataSource dataSource;

    private ProjectionDatabase() {
    }

    public static synchronized DataSource dataSource() {
        if (dataSource == null) {
            dataSource = provision();
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        }
        return dataSource;
    }

    private static DataSource provision() {
        String given = System.getenv("TEST_DATABASE_URL");
        if (given != null && !given.isBlank()) {
            return ownDatabase(given, envOr("TEST_DATABASE_USERNAME", "postgres"), envOr("TEST_DATABASE_PASSWORD", ""));
        }
        try {
            // A throwaway cluster: durability settings only cost the tests time (many small commits).
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off").setServerConfig("synchronous_commit", "off").start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres)));
            return pool(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start an embedded PostgreSQL for the tests", e);
        }
    }

    private static DataSource ownDatabase(String serverUrl, String username, String password) {
        JdbcClient server = JdbcClient.create(new DriverManagerDataSource(serverUrl, username, password));
        String name = "query_side_" + UUID.randomUUID().toString().substring(0, 8);
        server.sql("CREATE DATABASE " + name).update();
        HikariDataSource pool = pool(serverUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"), username, password);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            pool.close();
            server.sql("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)").update();
        }));
        return pool;
    }

    private static HikariDataSource pool(String url, String username, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(username);
        config.setPassword(password);
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
