package com.firmos.query.engagement;

import static com.firmos.query.Jdbc.utc;

import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the engagement hub's projectors share ({@code EngagementProjector}, {@code ProjectProjector},
 * {@code ConversationProjector}): one processing group, sequenced per engagement, and the guard on their rows. A
 * row carries the aggregate version it reflects and changes only for a newer event, so redelivery changes nothing.
 */
@Component
public class EngagementHub {

    /** One processor for the three features: its tokens and dead letters are keyed by this name. */
    public static final String PROCESSING_GROUP = "engagements";

    private final JdbcClient jdbc;

    EngagementHub(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Sets one column group of a row when the event is newer than the row. */
    public void update(String table, String organizationId, UUID id, long version, Instant at, String assignment,
            Object value) {
        jdbc.sql("UPDATE " + table + " SET " + assignment + ", version = :version, updated_at = :at"
                        + " WHERE organization_id = :org AND id = :id AND version < :version")
                .param("value", value).param("version", version).param("at", utc(at))
                .param("org", organizationId).param("id", id)
                .update();
    }

    /** Moves the row to the event's version; false when it already has it (or is gone). */
    public boolean advance(String table, String organizationId, UUID id, long version, Instant at) {
        return jdbc.sql("UPDATE " + table + " SET version = :version, updated_at = :at"
                        + " WHERE organization_id = :org AND id = :id AND version < :version RETURNING 1")
                .param("version", version).param("at", utc(at)).param("org", organizationId).param("id", id)
                .query(Integer.class).optional().isPresent();
    }
}
