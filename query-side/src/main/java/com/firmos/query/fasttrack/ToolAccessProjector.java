package com.firmos.query.fasttrack;

import static com.firmos.query.Jdbc.instant;
import static com.firmos.query.Jdbc.utc;
import static com.firmos.query.WireValues.parse;
import static com.firmos.query.WireValues.wire;

import java.time.Instant;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.firmos.api.messages.fasttrack.FindToolAccessQuery;
import com.firmos.api.messages.fasttrack.ToolAccessGrantedEvent;
import com.firmos.api.messages.fasttrack.ToolAccessLevel;
import com.firmos.api.messages.fasttrack.ToolAccessList;
import com.firmos.api.messages.fasttrack.ToolAccessRevokedEvent;
import com.firmos.api.messages.fasttrack.ToolAccessView;

/**
 * Builds {@code tool_access.permissions}; a grant replaces the row, a revoke deletes it. Expiry is judged by
 * whoever reads, against the time of the request, so no job has to run when a permission lapses.
 */
@Component
@ProcessingGroup(ToolAccessProjector.PROCESSING_GROUP)
public class ToolAccessProjector {

    public static final String PROCESSING_GROUP = "tool-access";

    private final JdbcClient jdbc;

    ToolAccessProjector(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ToolAccessGrantedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.sql("""
                INSERT INTO tool_access.permissions (id, organization_id, user_id, tool_slug, access_level,
                    granted_at, expires_at, granted_by, event_version)
                VALUES (:id, :org, :user, :tool, :level, :at, :expires, :by, :sequence)
                ON CONFLICT (organization_id, id) DO UPDATE SET access_level = excluded.access_level,
                    granted_at = excluded.granted_at, expires_at = excluded.expires_at,
                    granted_by = excluded.granted_by, event_version = excluded.event_version
                WHERE tool_access.permissions.event_version < excluded.event_version""")
                .param("id", event.permissionId()).param("org", event.organizationId())
                .param("user", event.userId()).param("tool", event.toolSlug()).param("level", wire(event.level()))
                .param("at", utc(at)).param("expires", event.expiresAt() == null ? null : utc(event.expiresAt()))
                .param("by", event.grantedBy()).param("sequence", sequence)
                .update();
    }

    @EventHandler
    void on(ToolAccessRevokedEvent event) {
        jdbc.sql("DELETE FROM tool_access.permissions WHERE organization_id = :org AND id = :id")
                .param("org", event.organizationId()).param("id", event.permissionId()).update();
    }

    @QueryHandler
    ToolAccessList handle(FindToolAccessQuery query) {
        return new ToolAccessList(jdbc.sql("""
                SELECT * FROM tool_access.permissions
                WHERE organization_id = :org AND (CAST(:user AS text) IS NULL OR user_id = :user)
                ORDER BY user_id, tool_slug""")
                .param("org", query.organizationId()).param("user", query.userId())
                .query((rs, n) -> new ToolAccessView(rs.getString("user_id"), rs.getString("tool_slug"),
                        parse(ToolAccessLevel.class, rs.getString("access_level")), instant(rs, "granted_at"),
                        instant(rs, "expires_at"), rs.getString("granted_by")))
                .list());
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM tool_access.permissions").update();
    }
}
