package com.firmos.query.activity;

import static com.firmos.query.Jdbc.utc;
import static com.firmos.query.WireValues.wire;

import java.time.Instant;
import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.firmos.api.messages.activity.WinningMoveCreatedEvent;
import com.firmos.api.messages.activity.WinningMoveEditedEvent;
import com.firmos.api.messages.activity.WinningMoveStatusChangedEvent;
import com.firmos.query.ProjectionTables;

/**
 * Builds {@code planning_winning_move}, in the planning view's processing group, whose token it kept when it got
 * a class of its own: the board's cards show their moves' titles and statuses, so the two are rebuilt together. A
 * row changes only for an event newer than the version it has, so redelivery changes nothing. Queries live beside
 * it in {@link WinningMoveQueries}.
 */
@Component
@ProcessingGroup(PlanningViewProjector.PROCESSING_GROUP)
public class WinningMoveProjector implements ProjectionTables {

    private static final List<String> TABLES = List.of("planning_winning_move");

    private final JdbcClient jdbc;

    WinningMoveProjector(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(WinningMoveCreatedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.sql("""
                INSERT INTO planning_winning_move (id, organization_id, engagement_id, title, description,
                    source_phase, source_activity_id, status, version, created_at, updated_at)
                VALUES (:id, :org, :engagement, :title, :description, :phase, :source, 'active', :version,
                    :at, :at)
                ON CONFLICT (organization_id, id) DO NOTHING""")
                .param("id", event.winningMoveId())
                .param("org", event.organizationId())
                .param("engagement", event.engagementId())
                .param("title", event.title())
                .param("description", event.description())
                .param("phase", wire(event.sourcePhase()))
                .param("source", event.sourceActivityId())
                .param("version", version)
                .param("at", utc(at))
                .update();
    }

    @EventHandler
    void on(WinningMoveEditedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.sql("""
                UPDATE planning_winning_move SET title = :title, description = :description, version = :version,
                    updated_at = :at
                WHERE organization_id = :org AND id = :id AND version < :version""")
                .param("org", event.organizationId())
                .param("id", event.winningMoveId()).param("title", event.title())
                .param("description", event.description()).param("version", version).param("at", utc(at))
                .update();
    }

    @EventHandler
    void on(WinningMoveStatusChangedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.sql("""
                UPDATE planning_winning_move SET status = :status, version = :version, updated_at = :at
                WHERE organization_id = :org AND id = :id AND version < :version""")
                .param("org", event.organizationId())
                .param("id", event.winningMoveId()).param("status", wire(event.newStatus()))
                .param("version", version).param("at", utc(at))
                .update();
    }

    @ResetHandler
    void reset() {
        clearTables(jdbc);
    }

    @Override
    public String processingGroup() {
        return PlanningViewProjector.PROCESSING_GROUP;
    }

    @Override
    public List<String> tables() {
        return TABLES;
    }
}
