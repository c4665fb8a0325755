package com.firmos.query.activity;

import static com.firmos.query.Jdbc.textArray;
import static com.firmos.query.Jdbc.utc;
import static com.firmos.query.WireValues.wire;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.AggregateType;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.firmos.api.messages.MetadataKeys;
import com.firmos.api.messages.activity.ActivityCommentDeletedEvent;
import com.firmos.api.messages.activity.ActivityCommentEditedEvent;
import com.firmos.api.messages.activity.ActivityCommentedEvent;
import com.firmos.api.messages.activity.ActivityCreatedEvent;
import com.firmos.api.messages.activity.ActivityDetails;
import com.firmos.api.messages.activity.ActivityDetailsEditedEvent;
import com.firmos.api.messages.activity.ActivityImportedFromMilestoneEvent;
import com.firmos.api.messages.activity.ActivityLinkedToWinningMoveEvent;
import com.firmos.api.messages.activity.ActivityMovedEvent;
import com.firmos.api.messages.activity.ActivityResource;
import com.firmos.api.messages.activity.ActivityResourceAddedEvent;
import com.firmos.api.messages.activity.ActivityResourceRemovedEvent;
import com.firmos.api.messages.activity.ActivityResourcesReorderedEvent;
import com.firmos.api.messages.activity.ActivityStatus;
import com.firmos.api.messages.activity.ActivityStatusChangedEvent;
import com.firmos.api.messages.activity.ActivitySuggestionDismissedEvent;
import com.firmos.api.messages.activity.ActivityTeamAssignedEvent;
import com.firmos.api.messages.activity.ActivityTeamMemberAddedEvent;
import com.firmos.api.messages.activity.ActivityTeamMemberRemovedEvent;
import com.firmos.api.messages.activity.ActivityUnlinkedFromWinningMoveEvent;
import com.firmos.api.messages.activity.TeamMember;
import com.firmos.api.messages.activity.TeamMemberErasedEvent;
import com.firmos.api.messages.activity.WinningMoveContributionCompletedEvent;
import com.firmos.api.messages.relation.RelationAddedEvent;
import com.firmos.api.messages.relation.RelationRemovedEvent;
import com.firmos.platform.processing.SetWrite;
import com.firmos.query.ProjectionTables;

import tools.jackson.databind.ObjectMapper;

/**
 * Builds the Living Playbook board: {@code planning_activity} and the card's resources, members, winning-move
 * links, relations and comments; the winning moves themselves are {@link WinningMoveProjector}'s, in the same
 * processing group. Every change to an activity first advances the card's version; an event whose version the
 * card already has changes nothing, so redelivery is harmless. Query handlers live beside it in
 * {@link PlanningViewQueries}.
 */
@Component
@ProcessingGroup(PlanningViewProjector.PROCESSING_GROUP)
public class PlanningViewProjector implements ProjectionTables {

    public static final String PROCESSING_GROUP = "planning-view";
    /** The aggregate type of an activity's stream, as the event store names it. */
    private static final String ACTIVITY_STREAM = "Activity";
    private static final List<String> TABLES = List.of("planning_activity_resource", "planning_activity_member",
            "planning_activity_winning_move", "planning_activity_comment", "planning_relation", "planning_activity");

    private static final String CARD_COLUMNS = """
            id, organization_id, engagement_id, title, description, icon, icon_color, status, phase, time_bucket,
            scheduled_date, due_date, order_index, version, created_at, updated_at""";
    /**
     * A new card without a position goes to the end of its bucket, and a card on the board already (a redelivered
     * creation) is left as it is: what {@link BoardPositions#openSlotForNew} and the insert do, in one statement.
     * In a batch, each card of a bucket comes after those before it in the batch, and each bucket is counted once
     * per statement, not once per card (a rebuild appends a whole engagement's cards in one run).
     */
    private static final SetWrite APPEND = SetWrite.of("INSERT INTO planning_activity (" + CARD_COLUMNS + """
            )
            SELECT CAST(:id AS uuid), :org, CAST(:engagement AS uuid), :title, :description, :icon, :iconColor,
                :status, :phase, :bucket, CAST(:scheduled AS date), CAST(:due AS date),
                (SELECT count(*) FROM planning_activity WHERE organization_id = :org
                    AND engagement_id = CAST(:engagement AS uuid) AND time_bucket = :bucket),
                :version, CAST(:at AS timestamptz), CAST(:at AS timestamptz)
            WHERE NOT EXISTS (SELECT 1 FROM planning_activity
                WHERE organization_id = :org AND id = CAST(:id AS uuid))""",
            """
            id uuid, org text, engagement uuid, title text, description text, icon text, iconColor text, status text,
            phase text, bucket text, scheduled date, due date, version int8, at timestamptz""",
            """
            WITH fresh AS (
                SELECT * FROM (SELECT DISTINCT ON (org, id) * FROM {rows} ORDER BY org, id, ordinal) n
                WHERE NOT EXISTS (SELECT 1 FROM planning_activity p WHERE p.organization_id = n.org AND p.id = n.id)),
            buckets AS (
                SELECT b.org, b.engagement, b.bucket, (SELECT count(*) FROM planning_activity p
                    WHERE p.organization_id = b.org AND p.engagement_id = b.engagement AND p.time_bucket = b.bucket)
                    AS cards
                FROM (SELECT DISTINCT org, engagement, bucket FROM fresh) b)
            INSERT INTO planning_activity (""" + CARD_COLUMNS + """
            )
            SELECT n.id, n.org, n.engagement, n.title, n.description, n.icon, n.iconColor, n.status, n.phase,
                n.bucket, n.scheduled, n.due,
                b.cards + row_number() OVER (PARTITION BY n.org, n.engagement, n.bucket ORDER BY n.ordinal) - 1,
                n.version, n.at, n.at
            FROM fresh n JOIN buckets b ON b.org = n.org AND b.engagement = n.engagement AND b.bucket = n.bucket""");
    /** Of a batch's changes to one card, the highest version is the one that stays, as one after another. */
    private static final SetWrite STATUS = SetWrite.of("""
            UPDATE planning_activity SET status = :status, completed_at = :completedAt, completed_by = :completedBy,
                score_data = CAST(:score AS jsonb), version = :version, updated_at = :at
            WHERE organization_id = :org AND id = :id AND version < :version""", """
            version int8, at timestamptz, org text, id uuid, status text, completedAt timestamptz,
            completedBy text, score jsonb""", """
            UPDATE planning_activity p SET status = r.status, completed_at = r.completedAt,
                completed_by = r.completedBy, score_data = r.score, version = r.version, updated_at = r.at
            FROM (SELECT DISTINCT ON (org, id) * FROM {rows} ORDER BY org, id, version DESC) r
            WHERE p.organization_id = r.org AND p.id = r.id AND p.version < r.version""");

    private final JdbcClient jdbc;
    private final BoardPositions positions;
    private final ObjectMapper json;

    PlanningViewProjector(JdbcClient jdbc, BoardPositions positions, ObjectMapper json) {
        this.jdbc = jdbc;
        this.positions = positions;
        this.json = json;
    }

    @EventHandler
    void on(ActivityCreatedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        ActivityDetails details = event.details();
        if (details.orderIndex() != null) {
            insertCard(event.activityId(), event.organizationId(), event.engagementId(), details, event.status(),
                    version, at);
            return;
        }
        APPEND.run(jdbc, card(event.activityId(), event.organizationId(), event.engagementId(), details,
                event.status(), version, at));
    }

    @EventHandler
    void on(ActivityImportedFromMilestoneEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        if (insertCard(event.activityId(), event.organizationId(), event.engagementId(), event.details(),
                event.status(), version, at)) {
            jdbc.sql("""
                    UPDATE planning_activity SET migrated_from_milestone_id = :milestone, completed_at = :completedAt,
                        completed_by = :completedBy WHERE organization_id = :org AND id = :id""")
                    .param("org", event.organizationId()).param("id", event.activityId())
                    .param("milestone", event.milestoneId())
                    .param("completedAt", utc(event.completedAt())).param("completedBy", event.completedBy())
                    .update();
        }
    }

    /** A new card's values, by the names both inserts give them. */
    private static Map<String, Object> card(UUID id, String organizationId, UUID engagementId,
            ActivityDetails details, ActivityStatus status, long version, Instant at) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", id);
        values.put("org", organizationId);
        values.put("engagement", engagementId);
        values.put("title", details.title());
        values.put("description", details.description());
        values.put("icon", details.icon());
        values.put("iconColor", details.iconColor());
        values.put("status", wire(status));
        values.put("phase", wire(details.phase()));
        values.put("bucket", wire(details.timeBucket()));
        values.put("scheduled", details.scheduledDate());
        values.put("due", details.dueDate());
        values.put("version", version);
        values.put("at", utc(at));
        return values;
    }

    /** Returns false when the card is already there: a redelivered event changes nothing. */
    private boolean insertCard(UUID id, String organizationId, UUID engagementId, ActivityDetails details,
            ActivityStatus status, long version, Instant at) {
        OptionalInt slot = positions.openSlotForNew(organizationId, id, engagementId, details.timeBucket(),
                details.orderIndex());
        if (slot.isEmpty()) {
            return false;
        }
        Map<String, Object> values = card(id, organizationId, engagementId, details, status, version, at);
        values.put("position", slot.getAsInt());
        jdbc.sql("INSERT INTO planning_activity (" + CARD_COLUMNS + """
                ) VALUES (:id, :org, :engagement, :title, :description, :icon, :iconColor, :status, :phase,
                    :bucket, :scheduled, :due, :position, :version, :at, :at)""")
                .params(values)
                .update();
        return true;
    }

    @EventHandler
    void on(ActivityDetailsEditedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        if (!advance(event.organizationId(), event.activityId(), version, at)) {
            return;
        }
        ActivityDetails details = event.details();
        jdbc.sql("""
                UPDATE planning_activity SET title = :title, description = :description, icon = :icon,
                    icon_color = :iconColor, phase = :phase, scheduled_date = :scheduled, due_date = :due
                WHERE organization_id = :org AND id = :id""")
                .param("org", event.organizationId())
                .param("id", event.activityId())
                .param("title", details.title())
                .param("description", details.description())
                .param("icon", details.icon())
                .param("iconColor", details.iconColor())
                .param("phase", wire(details.phase()))
                .param("scheduled", details.scheduledDate())
                .param("due", details.dueDate())
                .update();
        // A position is a request to move; its absence is not, unless the bucket changed.
        boolean moved = details.timeBucket() != event.previous().timeBucket()
                || details.orderIndex() != null && !details.orderIndex().equals(event.previous().orderIndex());
        if (moved) {
            positions.place(event.organizationId(), event.activityId(), details.timeBucket(),
                    details.orderIndex());
        }
    }

    @EventHandler
    void on(ActivityMovedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        if (advance(event.organizationId(), event.activityId(), version, at)) {
            positions.place(event.organizationId(), event.activityId(), event.toBucket(), event.position());
        }
    }

    @EventHandler
    void on(ActivityStatusChangedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        // The card's most frequent change advances it in the same statement: one write per event.
        Map<String, Object> values = new HashMap<>();
        values.put("version", version);
        values.put("at", utc(at));
        values.put("org", event.organizationId());
        values.put("id", event.activityId());
        values.put("status", wire(event.newStatus()));
        values.put("completedAt", utc(event.completedAt()));
        values.put("completedBy", event.completedBy());
        values.put("score", event.scoreData() == null ? null : json.writeValueAsString(event.scoreData()));
        STATUS.run(jdbc, values);
    }

    @EventHandler
    void on(ActivitySuggestionDismissedEvent event) {
        positions.remove(event.organizationId(), event.activityId());
        for (String table : List.of("planning_activity_resource", "planning_activity_member",
                "planning_activity_winning_move", "planning_activity_comment")) {
            jdbc.sql("DELETE FROM " + table + " WHERE organization_id = :org AND activity_id = :id")
                    .param("org", event.organizationId()).param("id", event.activityId()).update();
        }
        jdbc.sql("DELETE FROM planning_activity WHERE organization_id = :org AND id = :id")
                .param("org", event.organizationId()).param("id", event.activityId()).update();
    }

    @EventHandler
    void on(ActivityResourceAddedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        if (!advance(event.organizationId(), event.activityId(), version, at)) {
            return;
        }
        ActivityResource resource = event.resource();
        jdbc.sql("""
                INSERT INTO planning_activity_resource (resource_id, activity_id, organization_id, position, type,
                    title, icon, url, notion_page_id, tenant_page_id, tenant_file_id)
                SELECT :resourceId, :activityId, :org, count(*), :type, :title, :icon, :url, :notion, :page, :file
                FROM planning_activity_resource WHERE organization_id = :org AND activity_id = :activityId
                ON CONFLICT (organization_id, activity_id, resource_id) DO NOTHING""")
                .param("resourceId", resource.resourceId())
                .param("activityId", event.activityId())
                .param("org", event.organizationId())
                .param("type", wire(resource.type()))
                .param("title", resource.title())
                .param("icon", resource.icon())
                .param("url", resource.url())
                .param("notion", resource.notionPageId())
                .param("page", resource.tenantPageId())
                .param("file", resource.tenantFileId())
                .update();
    }

    @EventHandler
    void on(ActivityResourceRemovedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        if (!advance(event.organizationId(), event.activityId(), version, at)) {
            return;
        }
        jdbc.sql("""
                WITH removed AS (DELETE FROM planning_activity_resource
                                 WHERE organization_id = :org AND activity_id = :activityId
                                   AND resource_id = :resourceId
                                 RETURNING position)
                UPDATE planning_activity_resource r SET position = r.position - 1
                FROM removed WHERE r.organization_id = :org AND r.activity_id = :activityId
                  AND r.position > removed.position""")
                .param("org", event.organizationId()).param("activityId", event.activityId())
                .param("resourceId", event.resourceId())
                .update();
    }

    @EventHandler
    void on(ActivityResourcesReorderedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        if (!advance(event.organizationId(), event.activityId(), version, at)) {
            return;
        }
        jdbc.sql("""
                UPDATE planning_activity_resource r SET position = ordered.position - 1
                FROM unnest(CAST(:ids AS uuid[])) WITH ORDINALITY AS ordered(resource_id, position)
                WHERE r.organization_id = :org AND r.activity_id = :activityId
                  AND r.resource_id = ordered.resource_id""")
                .param("org", event.organizationId())
                .param("ids", textArray(event.resourceIds()))
                .param("activityId", event.activityId())
                .update();
    }

    @EventHandler
    void on(ActivityTeamAssignedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        if (advance(event.organizationId(), event.activityId(), version, at)) {
            jdbc.sql("UPDATE planning_activity SET assigned_team = :team WHERE organization_id = :org AND id = :id")
                    .param("team", event.newTeam()).param("org", event.organizationId())
                    .param("id", event.activityId()).update();
        }
    }

    @EventHandler
    void on(ActivityTeamMemberAddedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        if (!advance(event.organizationId(), event.activityId(), version, at)) {
            return;
        }
        TeamMember member = event.member();
        jdbc.sql("""
                INSERT INTO planning_activity_member (activity_id, member_key, organization_id, user_id,
                    non_user_member_id, name_sealed, email_sealed, role, added_at)
                VALUES (:activityId, :key, :org, :userId, :guestId, :name, :email, :role, :at)
                ON CONFLICT (organization_id, activity_id, member_key) DO NOTHING""")
                .param("activityId", event.activityId())
                .param("key", memberKey(member))
                .param("org", event.organizationId())
                .param("userId", member.userId())
                .param("guestId", member.nonUserMemberId())
                .param("name", member.name() == null ? null : member.name().ciphertext())
                .param("email", member.email() == null ? null : member.email().ciphertext())
                .param("role", member.role())
                .param("at", utc(at))
                .update();
    }

    /** Every team the person was on shows them as erased; what their rows held is unreadable without the key. */
    @EventHandler
    void on(TeamMemberErasedEvent event, @Timestamp Instant at) {
        jdbc.sql("""
                UPDATE planning_activity_member SET name_sealed = NULL, email_sealed = NULL, erased_at = :at
                WHERE non_user_member_id = :id AND organization_id = :org""")
                .param("id", event.nonUserMemberId()).param("org", event.organizationId()).param("at", utc(at))
                .update();
    }

    @EventHandler
    void on(ActivityTeamMemberRemovedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        if (advance(event.organizationId(), event.activityId(), version, at)) {
            jdbc.sql("""
                    DELETE FROM planning_activity_member
                    WHERE organization_id = :org AND activity_id = :activityId AND member_key = :key""")
                    .param("org", event.organizationId()).param("activityId", event.activityId())
                    .param("key", memberKey(event.member())).update();
        }
    }

    /**
     * Comments written before they had streams of their own (V29) are in their activity's stream and move the
     * card's version; a comment's own events leave the card as it is (its version is the activity's). Their row is
     * keyed by tenant, activity and comment, and one engagement's events apply in order, so each statement is
     * harmless when an event comes again.
     */
    @EventHandler
    void on(ActivityCommentedEvent event, @AggregateType String stream, @SequenceNumber long version,
            @Timestamp Instant at, @MetaDataValue(MetadataKeys.USER_NAME) String authorName) {
        if (!commentApplies(stream, event.organizationId(), event.activityId(), version, at)) {
            return;
        }
        jdbc.sql("""
                INSERT INTO planning_activity_comment (comment_id, activity_id, organization_id, author_id,
                    author_name, text, created_at)
                SELECT :commentId, :activityId, :org, :author, :authorName, :text, :at
                WHERE EXISTS (SELECT 1 FROM planning_activity WHERE organization_id = :org AND id = :activityId)
                ON CONFLICT (organization_id, activity_id, comment_id) DO NOTHING""")
                .param("commentId", event.commentId())
                .param("activityId", event.activityId())
                .param("org", event.organizationId())
                .param("author", event.authorId())
                .param("authorName", authorName)
                .param("text", event.text())
                .param("at", utc(at))
                .update();
    }

    @EventHandler
    void on(ActivityCommentEditedEvent event, @AggregateType String stream, @SequenceNumber long version,
            @Timestamp Instant at) {
        if (commentApplies(stream, event.organizationId(), event.activityId(), version, at)) {
            jdbc.sql("""
                    UPDATE planning_activity_comment SET text = :text, edited_at = :at
                    WHERE organization_id = :org AND activity_id = :activityId AND comment_id = :id""")
                    .param("text", event.text()).param("at", utc(at)).param("org", event.organizationId())
                    .param("activityId", event.activityId()).param("id", event.commentId()).update();
        }
    }

    @EventHandler
    void on(ActivityCommentDeletedEvent event, @AggregateType String stream, @SequenceNumber long version,
            @Timestamp Instant at) {
        if (commentApplies(stream, event.organizationId(), event.activityId(), version, at)) {
            jdbc.sql("""
                    DELETE FROM planning_activity_comment
                    WHERE organization_id = :org AND activity_id = :activityId AND comment_id = :id""")
                    .param("org", event.organizationId()).param("activityId", event.activityId())
                    .param("id", event.commentId()).update();
        }
    }

    @EventHandler
    void on(ActivityLinkedToWinningMoveEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        if (advance(event.organizationId(), event.activityId(), version, at)) {
            jdbc.sql("""
                    INSERT INTO planning_activity_winning_move (activity_id, winning_move_id, organization_id,
                        linked_at)
                    VALUES (:activityId, :moveId, :org, :at)
                    ON CONFLICT (organization_id, activity_id, winning_move_id) DO NOTHING""")
                    .param("activityId", event.activityId()).param("moveId", event.winningMoveId())
                    .param("org", event.organizationId()).param("at", utc(at))
                    .update();
        }
    }

    @EventHandler
    void on(WinningMoveContributionCompletedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        if (advance(event.organizationId(), event.activityId(), version, at)) {
            jdbc.sql("""
                    UPDATE planning_activity_winning_move SET completed = TRUE, completed_at = :completedAt
                    WHERE organization_id = :org AND activity_id = :activityId AND winning_move_id = :moveId""")
                    .param("org", event.organizationId())
                    .param("completedAt", utc(event.completedAt())).param("activityId", event.activityId())
                    .param("moveId", event.winningMoveId())
                    .update();
        }
    }

    @EventHandler
    void on(ActivityUnlinkedFromWinningMoveEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        if (advance(event.organizationId(), event.activityId(), version, at)) {
            jdbc.sql("""
                    DELETE FROM planning_activity_winning_move
                    WHERE organization_id = :org AND activity_id = :activityId AND winning_move_id = :moveId""")
                    .param("org", event.organizationId()).param("activityId", event.activityId())
                    .param("moveId", event.winningMoveId())
                    .update();
        }
    }

    @EventHandler
    void on(RelationAddedEvent event) {
        jdbc.sql("""
                INSERT INTO planning_relation (relation_id, organization_id, source_type, source_id, target_type,
                    target_id)
                VALUES (:id, :org, :sourceType, :sourceId, :targetType, :targetId)
                ON CONFLICT (organization_id, relation_id) DO NOTHING""")
                .param("id", event.relationId()).param("org", event.organizationId())
                .param("sourceType", event.source().type()).param("sourceId", event.source().id())
                .param("targetType", event.target().type()).param("targetId", event.target().id())
                .update();
    }

    @EventHandler
    void on(RelationRemovedEvent event) {
        jdbc.sql("DELETE FROM planning_relation WHERE organization_id = :org AND relation_id = :id")
                .param("org", event.organizationId()).param("id", event.relationId()).update();
    }

    @ResetHandler
    void reset() {
        clearTables(jdbc);
    }

    @Override
    public String processingGroup() {
        return PROCESSING_GROUP;
    }

    @Override
    public List<String> tables() {
        return TABLES;
    }

    /**
     * A comment event of the activity's stream first advances the card, and is skipped once the card has its
     * version; one of the comment's own stream carries no version of the card and always applies.
     */
    private boolean commentApplies(String stream, String organizationId, UUID activityId, long version, Instant at) {
        return !ACTIVITY_STREAM.equals(stream) || advance(organizationId, activityId, version, at);
    }

    /** Moves the card to the event's version; false when the card already has it (or is gone). */
    private boolean advance(String organizationId, UUID activityId, long version, Instant at) {
        return jdbc.sql("""
                UPDATE planning_activity SET version = :version, updated_at = :at
                WHERE organization_id = :org AND id = :id AND version < :version
                RETURNING 1""")
                .param("org", organizationId).param("id", activityId).param("version", version).param("at", utc(at))
                .query(Integer.class).optional().isPresent();
    }

    static String memberKey(TeamMember member) {
        return member.userId() != null ? "user:" + member.userId() : "guest:" + member.nonUserMemberId();
    }
}
