package com.firmos.rest.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

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
        String first = comment(id, "one").text("comments/0/commentId");
        comment(id, "two");
        comment(id, "three");
        await("a snapshot").atMost(Duration.ofSeconds(10)).until(() -> snapshots(id) > 0);
        jdbc.sql("UPDATE snapshot_event_entry SET payload_type = 'com.firmos.command.playbook.Activity'"
                + " WHERE aggregate_identifier = :id").param("id", id).update();

        jdbc.sql(migration()).update();

        assertThat(snapshots(id)).isZero();
        Response edited = api.put("/api/v1/activities/" + id + "/comments/" + first, admin(),
                "{\"text\": \"one, edited\"}", Map.of());
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("comments").size()).isEqualTo(3);
    }

    private Response comment(String activityId, String text) {
        Response posted = api.post("/api/v1/activities/" + activityId + "/comments", admin(),
                "{\"text\": \"" + text + "\"}");
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        return posted;
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
