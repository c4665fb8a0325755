package com.firmos.rest.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.firmos.rest.support.ScratchDatabase;

/**
 * The migration that rebuilds the timeline empties it of rows written before every event had a description (a
 * portal grant's hashes among them) and drops the timeline processor's tokens, so that it replays the store at the
 * next start; other processors keep theirs. Runs in a database of its own, migrated to the version before it.
 */
class TimelineRebuildMigrationTest {

    private static final String REBUILD = "timeline rebuilt without secrets";

    private ScratchDatabase database;
    private JdbcClient jdbc;

    @BeforeEach
    void databaseBeforeTheRebuild() {
        database = new ScratchDatabase("timeline_rebuild");
        jdbc = database.jdbc();
        List<MigrationInfo> migrations = Arrays.asList(database.flyway(null).info().all());
        MigrationInfo rebuild = migrations.stream().filter(it -> it.getDescription().equals(REBUILD)).findFirst()
                .orElseThrow();
        database.flyway(migrations.get(migrations.indexOf(rebuild) - 1).getVersion().getVersion()).migrate();
    }

    @AfterEach
    void dropTheDatabase() {
        database.close();
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

        database.flyway(null).migrate();

        assertThat(jdbc.sql("SELECT count(*) FROM timeline_entry").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM timeline_suggestion").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT processor_name FROM token_entry").query(String.class).list())
                .containsExactly("planning-view");
    }
}
