package com.firmos.rest.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.firmos.rest.support.TestDatabase;

/**
 * The migration that rebuilds the timeline empties it of rows written before every event had a description (a
 * portal grant's hashes among them) and drops the timeline processor's tokens, so that it replays the store at the
 * next start; other processors keep theirs. Runs in a database of its own, migrated to the version before it.
 */
class TimelineRebuildMigrationTest {

    private static final String REBUILD = "timeline rebuilt without secrets";

    private final TestDatabase server = TestDatabase.get();
    private final String database = "timeline_rebuild_" + UUID.randomUUID().toString().substring(0, 8);
    private JdbcClient admin;
    private DriverManagerDataSource dataSource;
    private JdbcClient jdbc;

    @BeforeEach
    void databaseBeforeTheRebuild() {
        admin = JdbcClient.create(new DriverManagerDataSource(server.url(), server.username(), server.password()));
        admin.sql("CREATE DATABASE " + database).update();
        dataSource = new DriverManagerDataSource(server.url().replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1"),
                server.username(), server.password());
        jdbc = JdbcClient.create(dataSource);
        List<MigrationInfo> migrations = Arrays.asList(flyway(null).info().all());
        MigrationInfo rebuild = migrations.stream().filter(it -> it.getDescription().equals(REBUILD)).findFirst()
                .orElseThrow();
        flyway(migrations.get(migrations.indexOf(rebuild) - 1).getVersion().getVersion()).migrate();
    }

    @AfterEach
    void dropTheDatabase() {
        admin.sql("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)").update();
    }

    @Test
    void oldEntriesAndTheTimelinesTokensGoAndOtherProcessorsKeepTheirs() {
        jdbc.sql("""
                INSERT INTO timeline_entry (event_id, global_position, organization_id, entity_type, entity_id,
                    event_type, occurred_at, new_value)
                VALUES ('event-1', 1, 'org_old', 'portal_access', 'a1', 'portal_access_granted', now(),
                    '{"tokenHash": "abc", "passwordHash": "$2a$10$xyz"}');
                INSERT INTO timeline_suggestion (organization_id, activity_id) VALUES ('org_old', gen_random_uuid());
                INSERT INTO token_entry (processor_name, segment, token_type) VALUES ('timeline', 0, 'x'),
                    ('timeline', 1, 'x'), ('planning-view', 0, 'x')""").update();

        flyway(null).migrate();

        assertThat(jdbc.sql("SELECT count(*) FROM timeline_entry").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM timeline_suggestion").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT processor_name FROM token_entry").query(String.class).list())
                .containsExactly("planning-view");
    }

    private Flyway flyway(String target) {
        var configuration = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
        return (target == null ? configuration : configuration.target(target)).load();
    }
}
