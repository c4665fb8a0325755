package com.firmos.rest.support;

import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A database of its own on the test server, for a migration test to take from one version to the next. */
public final class ScratchDatabase implements AutoCloseable {

    private final JdbcClient server;
    private final String name;
    private final DataSource dataSource;

    public ScratchDatabase(String prefix) {
        TestDatabase database = TestDatabase.get();
        this.server = JdbcClient.create(new DriverManagerDataSource(database.url(), database.username(),
                database.password()));
        this.name = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
        server.sql("CREATE DATABASE " + name).update();
        this.dataSource = new DriverManagerDataSource(database.url().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"),
                database.username(), database.password());
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    /** Flyway over this database, up to {@code target} (null: every migration). */
    public Flyway flyway(String target) {
        var configuration = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
        return (target == null ? configuration : configuration.target(target)).load();
    }

    @Override
    public void close() {
        server.sql("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)").update();
    }
}
