package com.firmos.rest.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

import com.firmos.api.messages.MetadataKeys;
import com.firmos.api.messages.activity.ActivityCommentAdoptedEvent;
import com.firmos.api.messages.activity.ActivityCommentDeletedEvent;
import com.firmos.api.messages.activity.ActivityCommentEditedEvent;
import com.firmos.api.messages.activity.ActivityCommentedEvent;
import com.firmos.api.messages.activity.CommentOnActivityCommand;
import com.firmos.platform.consistency.ProjectionCatchUp;
import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.Eventually;
import com.firmos.rest.support.IntegrationTest;
import com.firmos.rest.support.Playbook;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Comments written while they lived in their activity's stream (before V29): the migration appends one adoption
 * event per comment still standing, as the first of the comment's own stream and in the bytes Axon writes, so the
 * tenant's audit chain still verifies; the adopted comments are then edited and deleted over HTTP like new ones,
 * without moving the activity's version, and a rebuilt board shows the same comment rows.
 */
class CommentAdoptionMigrationTest extends IntegrationTest {

    /** Found by its name, not its number: numbers are settled when branches merge. */
    private static final String MIGRATION = "classpath*:db/migration/V*__comments_adopted_into_their_own_streams.sql";
    private static final String ADOPTED = ActivityCommentAdoptedEvent.class.getName();
    /** Quotes, a backslash, a line break and letters beyond ASCII, which the JSON must carry as they were. */
    private static final String EDITED_TEXT = "Agenda \"v2\" \\ fertig\nÜbermorgen ✓";

    @Autowired
    private EventStore events;

    @Autowired
    private TransactionManager transactions;

    @Autowired
    @Qualifier("eventSerializer")
    private Serializer serializer;

    @Autowired
    private JdbcTemplate sql;

    @Autowired
    private ProjectionCatchUp catchUp;

    @Test
    void legacyCommentsAreAdoptedByStreamsOfTheirOwnAndChangeThereAsNewOnesDo() throws IOException {
        Playbook playbook = new Playbook(api, admin());
        UUID activity = UUID.fromString(playbook.activity("Workshop"));
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID gone = UUID.randomUUID();
        UUID bobs = UUID.randomUUID();
        UUID engagement = playbook.engagement();
        storeAsBefore(activity, "user_admin",
                new ActivityCommentedEvent(activity, tenant, engagement, first, "user_admin", "Agenda"),
                new ActivityCommentedEvent(activity, tenant, engagement, second, "user_admin", "Room booked"),
                new ActivityCommentedEvent(activity, tenant, engagement, gone, "user_admin", "Typo"),
                new ActivityCommentDeletedEvent(activity, tenant, engagement, gone),
                new ActivityCommentEditedEvent(activity, tenant, engagement, first, "Agenda", EDITED_TEXT));
        storeAsBefore(activity, "user_bob",
                new ActivityCommentedEvent(activity, tenant, engagement, bobs, "user_bob", "Count me in"));
        catchUp.awaitAggregate(activity.toString());
        List<Map<String, Object>> legacyRows = commentRows(activity);
        assertThat(legacyRows).extracting(row -> row.get("text"))
                .containsExactlyInAnyOrder(EDITED_TEXT, "Room booked", "Count me in");
        // A command on the activity loads all of its events, and its snapshot follows.
        api.put("/api/v1/activities/" + activity + "/team", admin(), "{\"team\": \"IT\"}", Map.of());
        assertThat(Eventually.within(Duration.ofSeconds(10), () -> activitySnapshots(activity) > 0)).isTrue();

        sql.execute(migration());

        assertThat(activitySnapshots(activity)).as("the activity's snapshots are dropped").isZero();
        assertAdopted(activity, first, "user_admin", EDITED_TEXT);
        assertAdopted(activity, second, "user_admin", "Room booked");
        assertAdopted(activity, bobs, "user_bob", "Count me in");
        assertThat(eventCount(key(activity, gone).toString())).as("a deleted comment is not adopted").isZero();
        sql.execute(migration());
        assertThat(adoptions(activity)).as("running it again adopts nothing more").hasSize(3);
        for (UUID comment : List.of(first, second, bobs)) {
            catchUp.awaitAggregate(key(activity, comment).toString());
        }
        assertThat(commentRows(activity)).as("the adoption changes no read row").isEqualTo(legacyRows);
        assertThat(jdbc.sql("SELECT count(*) FROM timeline_entry WHERE organization_id = :org"
                        + " AND event_id IN (:ids)").param("org", tenant).param("ids", adoptions(activity))
                .query(Long.class).single()).as("nobody acted: no timeline entry").isZero();

        String version = playbook.card(activity.toString()).get("version").asString();
        String comments = "/api/v1/activities/" + activity + "/comments";
        Response edited = api.put(comments + "/" + first, admin(), "{\"text\": \"Agenda, final\"}", Map.of());
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(texts(edited)).containsExactlyInAnyOrder("Agenda, final", "Room booked", "Count me in");
        Response deleted = api.delete(comments + "/" + second, admin());
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        assertThat(api.put(comments + "/" + bobs, admin(), "{\"text\": \"Not mine\"}", Map.of()).status())
                .as("only its author changes an adopted comment").isEqualTo(403);
        assertThat(api.put(comments + "/" + gone, admin(), "{\"text\": \"Back\"}", Map.of()).status())
                .as("a comment deleted before the migration").isEqualTo(404);
        Response added = api.post(comments, admin(), "{\"text\": \"New one\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.text("text")).isEqualTo("New one");
        assertThat(texts(api.get(comments, admin()))).containsExactlyInAnyOrder("Agenda, final", "Count me in",
                "New one");
        assertThat(playbook.card(activity.toString()).get("version").asString())
                .as("comments leave the activity's version").isEqualTo(version);
        assertThat(timelineTypes(admin(), activity.toString())).contains("comment", "comment_edited",
                "comment_deleted");

        JsonNode verification = verification();
        assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();

        List<Map<String, Object>> beforeRebuild = commentRows(activity);
        Response rebuild = api.post("/api/v1/admin/projections/planning-view/rebuild", operator(), null);
        assertThat(rebuild.status()).as(rebuild.body()).isEqualTo(202);
        assertThat(Eventually.within(Duration.ofMinutes(2), () -> {
            JsonNode processor = api.get("/api/v1/admin/projections/planning-view", operator()).json();
            return !processor.get("replaying").asBoolean() && processor.get("lag").asLong() == 0;
        })).as("the rebuild finished").isTrue();
        assertThat(commentRows(activity)).as("the rebuilt rows").isEqualTo(beforeRebuild);
        assertThat(playbook.card(activity.toString()).get("version").asString()).isEqualTo(version);
    }

    /** Events appended to the activity's own stream, as the Activity aggregate stored comments before V29. */
    private void storeAsBefore(UUID activity, String userId, Object... payloads) {
        MetaData metaData = MetaData.from(Map.of(MetadataKeys.ORGANIZATION_ID, tenant, MetadataKeys.USER_ID, userId,
                MetadataKeys.USER_NAME, "Test " + userId, MetadataKeys.USER_ROLE, "admin",
                MetadataKeys.CORRELATION_ID, UUID.randomUUID().toString()));
        transactions.executeInTransaction(() -> {
            long sequence = events.lastSequenceNumberFor(activity.toString()).orElseThrow();
            List<GenericDomainEventMessage<?>> stored = new ArrayList<>();
            for (Object payload : payloads) {
                stored.add(new GenericDomainEventMessage<>("Activity", activity.toString(), ++sequence, payload,
                        metaData));
            }
            events.publish(stored);
        });
    }

    /** The adoption is the first event of the comment's stream, exactly as Axon would have written it. */
    private void assertAdopted(UUID activity, UUID comment, String author, String text) {
        ActivityCommentAdoptedEvent expected = new ActivityCommentAdoptedEvent(activity, tenant,
                jdbc.sql("SELECT engagement_id FROM planning_activity WHERE organization_id = :org AND id = :id")
                        .param("org", tenant).param("id", activity).query(UUID.class).single(),
                comment, author, text);
        Map<String, Object> row = jdbc.sql("""
                SELECT sequence_number, type, payload_type, payload_revision, payload, meta_data, time_stamp
                FROM domain_event_entry WHERE aggregate_identifier = :key""")
                .param("key", key(activity, comment).toString()).query().singleRow();

        assertThat(row.get("sequence_number")).isEqualTo(0L);
        assertThat(row.get("type")).isEqualTo("Comment");
        assertThat(row.get("payload_type")).isEqualTo(ADOPTED);
        assertThat(row.get("payload_revision")).isEqualTo("1");
        assertThat(utf8(row.get("payload"))).isEqualTo(utf8(serializer.serialize(expected, byte[].class).getData()));
        assertThat(utf8(row.get("meta_data"))).isEqualTo(utf8(serializer.serialize(
                MetaData.with(MetadataKeys.ORGANIZATION_ID, tenant), byte[].class).getData()));
        assertThat((String) row.get("time_stamp")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(events.readEvents(key(activity, comment).toString()).asStream().findFirst().orElseThrow()
                .getPayload()).as("read back").isEqualTo(expected);
    }

    private UUID key(UUID activity, UUID comment) {
        return CommentOnActivityCommand.commentKeyOf(tenant, activity, comment);
    }

    private List<String> adoptions(UUID activity) {
        return jdbc.sql("""
                SELECT event_identifier FROM domain_event_entry
                WHERE payload_type = :type AND convert_from(payload, 'UTF8')::jsonb ->> 'activityId' = :activity""")
                .param("type", ADOPTED).param("activity", activity.toString()).query(String.class).list();
    }

    private List<Map<String, Object>> commentRows(UUID activity) {
        return jdbc.sql("""
                SELECT comment_id, author_id, author_name, text, created_at, edited_at FROM planning_activity_comment
                WHERE organization_id = :org AND activity_id = :activity ORDER BY comment_id""")
                .param("org", tenant).param("activity", activity).query().listOfRows();
    }

    private long activitySnapshots(UUID activity) {
        return jdbc.sql("SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = :id"
                + " AND type = 'Activity'").param("id", activity.toString()).query(Long.class).single();
    }

    private JsonNode verification() {
        Response verified = api.get("/api/v1/admin/audit/verification", admin());
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        JsonMapper json = JsonMapper.builder().build();
        return verified.body().lines().filter(line -> !line.isBlank()).map(json::readTree).toList().getLast()
                .get("verification");
    }

    private static List<String> texts(Response comments) {
        return comments.json().get("comments").valueStream().map(node -> node.get("text").asString()).toList();
    }

    private static String utf8(Object bytes) {
        return new String((byte[]) bytes, StandardCharsets.UTF_8);
    }

    private static String migration() throws IOException {
        Resource[] found = new PathMatchingResourcePatternResolver().getResources(MIGRATION);
        assertThat(found).as(MIGRATION).hasSize(1);
        return found[0].getContentAsString(StandardCharsets.UTF_8);
    }
}
