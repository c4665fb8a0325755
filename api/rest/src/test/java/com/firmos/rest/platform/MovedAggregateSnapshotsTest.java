package com.firmos.rest.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.IntegrationTest;
import com.firmos.rest.support.Playbook;

/**
 * Aggregates moved from {@code command.playbook} to {@code command.activity}: a snapshot taken before the move names
 * the old class, and the migration that drops such snapshots lets the aggregate load from its events in full.
 */
class MovedAggregateSnapshotsTest extends IntegrationTest {

    /** Found by its name, not its number: numbers are settled when branches merge. */
    private static final String MIGRATION = "classpath*:db/migration/V*__drop_snapshots_of_moved_aggregates.sql";

    @Test
    void anActivitySnapshottedUnderItsOldPackageLoadsWithAllItsStateOnceTheMigrationRan() throws IOException {
        String id = new Playbook(api, admin()).activity("Workshop");
        String first = resource(id, "one").text("resourceId");
        resource(id, "two");
        resource(id, "three");
        await("a snapshot").atMost(Duration.ofSeconds(10)).until(() -> snapshots(id) > 0);
        jdbc.sql("UPDATE snapshot_event_entry SET payload_type = 'com.firmos.command.playbook.Activity'"
                + " WHERE aggregate_identifier = :id").param("id", id).update();

        jdbc.sql(migration()).update();

        assertThat(snapshots(id)).isZero();
        Response removed = api.delete("/api/v1/activities/" + id + "/resources/" + first, admin());
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(removed.json().get("resources").size()).isEqualTo(2);
    }

    private Response resource(String activityId, String title) {
        Response added = api.post("/api/v1/activities/" + activityId + "/resources", admin(),
                "{\"type\": \"url\", \"title\": \"" + title + "\", \"url\": \"https://x.io/" + title + "\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return added;
    }

    private long snapshots(String aggregateId) {
        return jdbc.sql("SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = :id")
                .param("id", aggregateId).query(Long.class).single();
    }

    private static String migration() throws IOException {
        Resource[] found = new PathMatchingResourcePatternResolver().getResources(MIGRATION);
        assertThat(found).as(MIGRATION).hasSize(1);
        return found[0].getContentAsString(StandardCharsets.UTF_8);
    }
}
