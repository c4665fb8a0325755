package com.firmos.query.fasttrack;

import static com.firmos.query.Jdbc.instant;
import static com.firmos.query.Jdbc.utc;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.firmos.api.messages.fasttrack.FindToolDocumentDiffQuery;
import com.firmos.api.messages.fasttrack.FindToolDocumentVersionsQuery;
import com.firmos.api.messages.fasttrack.ToolDocumentDiff;
import com.firmos.api.messages.fasttrack.ToolDocumentSavedEvent;
import com.firmos.api.messages.fasttrack.ToolDocumentStartedEvent;
import com.firmos.api.messages.fasttrack.ToolDocumentVersion;
import com.firmos.api.messages.fasttrack.ToolDocumentVersions;

import tools.jackson.databind.ObjectMapper;

/**
 * Keeps every version of every document in {@code tool_document_version}: version 0 when it starts, one row per
 * save. A version is written once (its key is the document and version), so redelivery changes nothing.
 */
@Component
@ProcessingGroup(ToolDocumentProjector.PROCESSING_GROUP)
class ToolDocumentHistoryProjector {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final FreeFormData freeForm;

    ToolDocumentHistoryProjector(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.freeForm = new FreeFormData(json);
    }

    @EventHandler
    void on(ToolDocumentStartedEvent event, @Timestamp Instant at) {
        insert(event.documentId(), 0, event.organizationId(), event.userId(), event.toolSlug(), Map.of(), at);
    }

    @EventHandler
    void on(ToolDocumentSavedEvent event, @Timestamp Instant at) {
        insert(event.documentId(), event.version(), event.organizationId(), event.userId(), event.toolSlug(),
                event.data(), at);
    }

    @QueryHandler
    ToolDocumentVersions handle(FindToolDocumentVersionsQuery query) {
        return new ToolDocumentVersions(query.toolSlug(), versions(query.organizationId(), query.userId(),
                query.toolSlug(), 0, Long.MAX_VALUE));
    }

    /** Answers nothing when either version does not exist. */
    @QueryHandler
    ToolDocumentDiff handle(FindToolDocumentDiffQuery query) {
        List<ToolDocumentVersion> from = versions(query.organizationId(), query.userId(), query.toolSlug(),
                query.fromVersion(), query.fromVersion());
        List<ToolDocumentVersion> to = versions(query.organizationId(), query.userId(), query.toolSlug(),
                query.toVersion(), query.toVersion());
        if (from.isEmpty() || to.isEmpty()) {
            return null;
        }
        return new ToolDocumentDiff(query.fromVersion(), query.toVersion(),
                JsonDiff.between(from.getFirst().data(), to.getFirst().data()));
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM tool_document_version").update();
    }

    private List<ToolDocumentVersion> versions(String organizationId, String userId, String toolSlug, long first,
            long last) {
        return jdbc.sql("""
                SELECT version, saved_at, data FROM tool_document_version
                WHERE organization_id = :org AND user_id = :user AND tool_slug = :tool
                  AND version BETWEEN :first AND :last
                ORDER BY version""")
                .param("org", organizationId).param("user", userId).param("tool", toolSlug)
                .param("first", first).param("last", last)
                .query((rs, n) -> new ToolDocumentVersion(rs.getLong("version"), instant(rs, "saved_at"),
                        freeForm.read(rs.getString("data"))))
                .list();
    }

    private void insert(UUID documentId, long version, String organizationId, String userId,
            String toolSlug, Map<String, Object> data, Instant at) {
        jdbc.sql("""
                INSERT INTO tool_document_version (document_id, version, organization_id, user_id, tool_slug, data,
                    saved_at)
                VALUES (:id, :version, :org, :user, :tool, CAST(:data AS jsonb), :at)
                ON CONFLICT (organization_id, document_id, version) DO NOTHING""")
                .param("id", documentId).param("version", version).param("org", organizationId)
                .param("user", userId).param("tool", toolSlug).param("data", json.writeValueAsString(data))
                .param("at", utc(at))
                .update();
    }
}
