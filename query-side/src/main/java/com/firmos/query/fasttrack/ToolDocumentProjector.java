package com.firmos.query.fasttrack;

import static com.firmos.query.Jdbc.utc;
import static com.firmos.query.WireValues.wire;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.firmos.api.messages.fasttrack.ToolDocumentSavedEvent;
import com.firmos.api.messages.fasttrack.ToolDocumentStartedEvent;
import com.firmos.api.messages.fasttrack.ToolDocumentStatus;
import com.firmos.api.messages.fasttrack.ToolDocumentStatusChangedEvent;

import tools.jackson.databind.ObjectMapper;

/**
 * Writes each document to its tool's own schema ({@code sprint_NN_slug.tool_data}), to {@code tool_document}, the
 * cross-tool list the dashboard reads, and the user's progress to {@code tool_access.progress}. A document's events
 * arrive in order; rows carry the event sequence number they reflect, so a redelivered event changes nothing, and
 * progress is recomputed from the data each time. Queries live in {@link ToolDocumentQueries}.
 */
@Component
@ProcessingGroup(ToolDocumentProjector.PROCESSING_GROUP)
public class ToolDocumentProjector {

    public static final String PROCESSING_GROUP = "fast-track";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final FreeFormData freeForm;
    private final ToolCatalogQueries catalog;

    ToolDocumentProjector(JdbcClient jdbc, ObjectMapper json, ToolCatalogQueries catalog) {
        this.jdbc = jdbc;
        this.json = json;
        this.freeForm = new FreeFormData(json);
        this.catalog = catalog;
    }

    @EventHandler
    void on(ToolDocumentStartedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.sql("""
                INSERT INTO tool_document (id, organization_id, user_id, tool_slug, status, version, created_at,
                    updated_at, event_version)
                VALUES (:id, :org, :user, :tool, 'draft', 0, :at, :at, :sequence)
                ON CONFLICT (organization_id, id) DO NOTHING""")
                .param("id", event.documentId()).param("org", event.organizationId()).param("user", event.userId())
                .param("tool", event.toolSlug()).param("at", utc(at)).param("sequence", sequence)
                .update();
        jdbc.sql("INSERT INTO " + catalog.schemaOf(event.toolSlug()) + """
                .tool_data (id, user_id, organization_id, data, status, version, created_at, updated_at,
                    event_version)
                VALUES (:id, :user, :org, '{}', 'draft', 0, :at, :at, :sequence)
                ON CONFLICT (organization_id, id) DO NOTHING""")
                .param("id", event.documentId()).param("user", event.userId()).param("org", event.organizationId())
                .param("at", utc(at)).param("sequence", sequence)
                .update();
        jdbc.sql("""
                INSERT INTO tool_access.progress (organization_id, user_id, tool_slug, status, last_accessed_at)
                VALUES (:org, :user, :tool, 'in_progress', :at)
                ON CONFLICT DO NOTHING""")
                .param("org", event.organizationId()).param("user", event.userId()).param("tool", event.toolSlug())
                .param("at", utc(at))
                .update();
    }

    @EventHandler
    void on(ToolDocumentSavedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.sql("""
                UPDATE tool_document SET version = :version, updated_at = :at, event_version = :sequence
                WHERE organization_id = :org AND id = :id AND event_version < :sequence""")
                .param("version", event.version()).param("at", utc(at)).param("sequence", sequence)
                .param("org", event.organizationId()).param("id", event.documentId())
                .update();
        jdbc.sql("UPDATE " + catalog.schemaOf(event.toolSlug()) + """
                .tool_data SET data = CAST(:data AS jsonb), version = :version, updated_at = :at,
                    event_version = :sequence
                WHERE organization_id = :org AND id = :id AND event_version < :sequence""")
                .param("data", json.writeValueAsString(event.data())).param("version", event.version())
                .param("at", utc(at)).param("sequence", sequence).param("org", event.organizationId())
                .param("id", event.documentId())
                .update();
        progress(event.organizationId(), event.userId(), event.toolSlug(), "in_progress",
                ToolProgressPolicy.percentage(catalog.tool(event.toolSlug()).schema(), event.data()), null, at);
    }

    @EventHandler
    void on(ToolDocumentStatusChangedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        String moments = """
                status = :status, updated_at = :at, event_version = :sequence,
                completed_at = CASE WHEN :status = 'completed' THEN :at ELSE completed_at END,
                submitted_at = CASE WHEN :status = 'submitted' THEN :at ELSE submitted_at END
                WHERE organization_id = :org AND id = :id AND event_version < :sequence""";
        for (String table : new String[] {"tool_document", catalog.schemaOf(event.toolSlug()) + ".tool_data"}) {
            jdbc.sql("UPDATE " + table + " SET " + moments)
                    .param("status", wire(event.to())).param("at", utc(at)).param("sequence", sequence)
                    .param("org", event.organizationId()).param("id", event.documentId())
                    .update();
        }
        if (event.to() == ToolDocumentStatus.COMPLETED || event.to() == ToolDocumentStatus.SUBMITTED) {
            progress(event.organizationId(), event.userId(), event.toolSlug(), "completed", 100, at, at);
        } else {
            progress(event.organizationId(), event.userId(), event.toolSlug(), "in_progress",
                    ToolProgressPolicy.percentage(catalog.tool(event.toolSlug()).schema(),
                            currentData(event.organizationId(), event.toolSlug(), event.documentId())), null, at);
        }
    }

    private void progress(String organizationId, String userId, String toolSlug, String status, int percentage,
            Instant completedAt, Instant at) {
        jdbc.sql("""
                UPDATE tool_access.progress SET status = :status, progress_percentage = :percentage,
                    completed_at = CASE WHEN :status = 'completed' THEN coalesce(completed_at, :completed) END,
                    last_accessed_at = greatest(last_accessed_at, :at)
                WHERE organization_id = :org AND user_id = :user AND tool_slug = :tool""")
                .param("status", status).param("percentage", percentage)
                .param("completed", completedAt == null ? null : utc(completedAt)).param("at", utc(at))
                .param("org", organizationId).param("user", userId).param("tool", toolSlug)
                .update();
    }

    private Map<String, Object> currentData(String organizationId, String toolSlug, UUID documentId) {
        return jdbc.sql("SELECT data FROM " + catalog.schemaOf(toolSlug)
                        + ".tool_data WHERE organization_id = :org AND id = :id")
                .param("org", organizationId).param("id", documentId)
                .query((rs, n) -> freeForm.read(rs.getString("data")))
                .optional().orElse(Map.of());
    }

    @ResetHandler
    void reset() {
        for (var tool : catalog.tools()) {
            jdbc.sql("DELETE FROM " + catalog.schemaOf(tool.slug()) + ".tool_data").update();
        }
        jdbc.sql("DELETE FROM tool_document").update();
        jdbc.sql("DELETE FROM tool_access.progress").update();
    }
}
