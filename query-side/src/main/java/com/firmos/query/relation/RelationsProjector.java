package com.firmos.query.relation;

import static com.firmos.query.Jdbc.utc;
import static com.firmos.query.WireValues.wire;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.firmos.api.messages.activity.ActivityCreatedEvent;
import com.firmos.api.messages.activity.ActivityDetailsEditedEvent;
import com.firmos.api.messages.activity.ActivityImportedFromMilestoneEvent;
import com.firmos.api.messages.activity.ActivityStatusChangedEvent;
import com.firmos.api.messages.activity.ActivitySuggestionDismissedEvent;
import com.firmos.api.messages.activity.WinningMoveCreatedEvent;
import com.firmos.api.messages.activity.WinningMoveEditedEvent;
import com.firmos.api.messages.activity.WinningMoveStatusChangedEvent;
import com.firmos.api.messages.relation.RelationAddedEvent;
import com.firmos.api.messages.relation.RelationRemovedEvent;
import com.firmos.platform.processing.SetWrite;
import com.firmos.query.ProjectionTables;

/**
 * Builds {@code relation} and {@code relation_entity}: every relation of a tenant, and the title, status and
 * engagement of the entities this backend owns, so both sides of a relation can be shown by name. Writes are
 * upserts keyed by relation and entity, so redelivery is harmless. Queries live in {@link RelationQueries}.
 */
@Component
@ProcessingGroup(RelationsProjector.PROCESSING_GROUP)
public class RelationsProjector implements ProjectionTables {

    public static final String PROCESSING_GROUP = "relations";
    private static final List<String> TABLES = List.of("relation", "relation_entity");

    private static final SetWrite ENTITY = SetWrite.of("""
            INSERT INTO relation_entity (organization_id, entity_type, entity_id, engagement_id, title, status)
            VALUES (:org, :type, :id, :engagement, :title, :status)
            ON CONFLICT (organization_id, entity_type, entity_id) DO NOTHING""",
            "org text, type text, id text, engagement uuid, title text, status text", """
            INSERT INTO relation_entity (organization_id, entity_type, entity_id, engagement_id, title, status)
            SELECT r.org, r.type, r.id, r.engagement, r.title, r.status FROM {rows} ORDER BY r.ordinal
            ON CONFLICT (organization_id, entity_type, entity_id) DO NOTHING""");
    /** A batch's last status of an entity is the one that stays, as one update after another leaves it. */
    private static final SetWrite RESTATE = SetWrite.of("""
            UPDATE relation_entity SET status = :status
            WHERE organization_id = :org AND entity_type = :type AND entity_id = :id""",
            "org text, type text, id text, status text", """
            UPDATE relation_entity e SET status = r.status
            FROM (SELECT DISTINCT ON (org, type, id) * FROM {rows} ORDER BY org, type, id, ordinal DESC) r
            WHERE e.organization_id = r.org AND e.entity_type = r.type AND e.entity_id = r.id""");

    private final JdbcClient jdbc;

    RelationsProjector(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RelationAddedEvent event, @Timestamp Instant at) {
        jdbc.sql("""
                INSERT INTO relation (relation_id, organization_id, source_type, source_id, target_type, target_id,
                    relation_type, label, created_by, created_at)
                VALUES (:id, :org, :sourceType, :sourceId, :targetType, :targetId, :type, :label, :createdBy, :at)
                ON CONFLICT (organization_id, relation_id) DO NOTHING""")
                .param("id", event.relationId()).param("org", event.organizationId())
                .param("sourceType", event.source().type()).param("sourceId", event.source().id())
                .param("targetType", event.target().type()).param("targetId", event.target().id())
                .param("type", wire(event.relationType())).param("label", event.label())
                .param("createdBy", event.createdBy()).param("at", utc(at))
                .update();
    }

    @EventHandler
    void on(RelationRemovedEvent event) {
        jdbc.sql("DELETE FROM relation WHERE organization_id = :org AND relation_id = :id")
                .param("org", event.organizationId()).param("id", event.relationId()).update();
    }

    @EventHandler
    void on(ActivityCreatedEvent event) {
        entity(event.organizationId(), "activity", event.activityId().toString(), event.engagementId(),
                event.details().title(), wire(event.status()));
    }

    @EventHandler
    void on(ActivityImportedFromMilestoneEvent event) {
        entity(event.organizationId(), "activity", event.activityId().toString(), event.engagementId(),
                event.details().title(), wire(event.status()));
    }

    @EventHandler
    void on(ActivityDetailsEditedEvent event) {
        rename(event.organizationId(), "activity", event.activityId().toString(), event.details().title());
    }

    @EventHandler
    void on(ActivityStatusChangedEvent event) {
        restate(event.organizationId(), "activity", event.activityId().toString(), wire(event.newStatus()));
    }

    @EventHandler
    void on(ActivitySuggestionDismissedEvent event) {
        restate(event.organizationId(), "activity", event.activityId().toString(), "dismissed");
    }

    @EventHandler
    void on(WinningMoveCreatedEvent event) {
        entity(event.organizationId(), "winning_move", event.winningMoveId().toString(), event.engagementId(),
                event.title(), "active");
    }

    @EventHandler
    void on(WinningMoveEditedEvent event) {
        rename(event.organizationId(), "winning_move", event.winningMoveId().toString(), event.title());
    }

    @EventHandler
    void on(WinningMoveStatusChangedEvent event) {
        restate(event.organizationId(), "winning_move", event.winningMoveId().toString(), wire(event.newStatus()));
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

    private void entity(String org, String type, String id, java.util.UUID engagement, String title,
            String status) {
        Map<String, Object> values = new HashMap<>();
        values.put("org", org);
        values.put("type", type);
        values.put("id", id);
        values.put("engagement", engagement);
        values.put("title", title);
        values.put("status", status);
        ENTITY.run(jdbc, values);
    }

    private void rename(String org, String type, String id, String title) {
        jdbc.sql("""
                UPDATE relation_entity SET title = :title
                WHERE organization_id = :org AND entity_type = :type AND entity_id = :id""")
                .param("org", org).param("type", type).param("id", id).param("title", title).update();
    }

    private void restate(String org, String type, String id, String status) {
        Map<String, Object> values = new HashMap<>();
        values.put("org", org);
        values.put("type", type);
        values.put("id", id);
        values.put("status", status);
        RESTATE.run(jdbc, values);
    }
}
