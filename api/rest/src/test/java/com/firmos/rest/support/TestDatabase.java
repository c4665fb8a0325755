package com.firmos.rest.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The one PostgreSQL the test JVM uses, chosen once: the server named by {@code TEST_DATABASE_URL}; else a
 * Testcontainers PostgreSQL 17 where Docker runs; else an embedded PostgreSQL 17 in a temporary directory.
 * No test needs a database that was started beforehand.
 */
public final class TestDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(TestDatabase.class);
    private static TestDatabase instance;

    private final String url;
    private final String username;
    private final String password;

    private TestDatabase(String url, String username, String password) {
        this.url = url;
        this.username = username;
        this.password = password;
    }

    public static synchronized TestDatabase get() {
        if (instance == null) {
            instance = provision();
        }
        return instance;
    }

    public String url() {
        return url;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    private static TestDatabase provision() {
        String given = System.getenv("TEST_DATABASE_URL");
        if (given != null && !given.isBlank()) {
            LOG.info("Tests use the database at TEST_DATABASE_URL");
            return new TestDatabase(given, envOr("TEST_DATABASE_USERNAME", "postgres"),
                    envOr("TEST_DATABASE_PASSWORD", ""));
        }
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            LOG.info("Tests use a Testcontainers PostgreSQL at {}", container.getJdbcUrl());
            return new TestDatabase(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        try {
            // A throwaway cluster: durability settings only cost the suite time (bulk seeds, many small commits).
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off").start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres)));
            LOG.info("No Docker here: tests use an embedded PostgreSQL on port {}", postgres.getPort());
            return new TestDatabase(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start an embedded PostgreSQL for the tests", e);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError unavailable) {
            return false;
        }
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Embedded test PostgreSQL did not stop cleanly", e);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
