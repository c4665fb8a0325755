package com.firmos.query.fasttrack;

import static com.firmos.query.Jdbc.instant;
import static com.firmos.query.Jdbc.uuid;
import static com.firmos.query.WireValues.parse;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.firmos.api.messages.fasttrack.FastTrackDashboard;
import com.firmos.api.messages.fasttrack.FindFastTrackDashboardQuery;
import com.firmos.api.messages.fasttrack.FindHypothesisQuery;
import com.firmos.api.messages.fasttrack.FindTeamAssessmentQuery;
import com.firmos.api.messages.fasttrack.FindToolDocumentQuery;
import com.firmos.api.messages.fasttrack.Hypothesis;
import com.firmos.api.messages.fasttrack.TeamAssessment;
import com.firmos.api.messages.fasttrack.ToolDefinition;
import com.firmos.api.messages.fasttrack.ToolDocumentStatus;
import com.firmos.api.messages.fasttrack.ToolDocumentView;
import com.firmos.api.messages.fasttrack.ToolProgressStatus;
import com.firmos.api.messages.fasttrack.ToolStatusRow;

import tools.jackson.databind.ObjectMapper;

/** Documents from their tools' schemas and the dashboard from {@code tool_document}. */
@Component
class ToolDocumentQueries {

    private final JdbcClient jdbc;
    private final FreeFormData freeForm;
    private final ToolCatalogQueries catalog;
    private final ToolChildrenProjector children;

    ToolDocumentQueries(JdbcClient jdbc, ObjectMapper json, ToolCatalogQueries catalog,
            ToolChildrenProjector children) {
        this.jdbc = jdbc;
        this.freeForm = new FreeFormData(json);
        this.catalog = catalog;
        this.children = children;
    }

    @QueryHandler
    ToolDocumentView handle(FindToolDocumentQuery query) {
        if (catalog.tools().stream().noneMatch(tool -> tool.slug().equals(query.toolSlug()))) {
            return null;
        }
        return jdbc.sql("SELECT * FROM " + catalog.schemaOf(query.toolSlug())
                        + ".tool_data WHERE organization_id = :org AND user_id = :user")
                .param("org", query.organizationId()).param("user", query.userId())
                .query((rs, n) -> new ToolDocumentView(uuid(rs, "id"), rs.getString("user_id"), query.toolSlug(),
                        parse(ToolDocumentStatus.class, rs.getString("status")), rs.getLong("version"),
                        freeForm.read(rs.getString("data")), instant(rs, "created_at"),
                        instant(rs, "updated_at"), instant(rs, "completed_at"), instant(rs, "submitted_at"),
                        hasChildren(query.toolSlug(), "hypotheses")
                                ? children.hypotheses(query.organizationId(), uuid(rs, "id")) : List.of(),
                        hasChildren(query.toolSlug(), "team_assessments")
                                ? children.assessments(query.organizationId(), uuid(rs, "id")) : List.of()))
                .optional().orElse(null);
    }

    @QueryHandler
    Hypothesis handle(FindHypothesisQuery query) {
        return children.hypotheses(query.organizationId(), query.documentId(), query.hypothesisId()).stream()
                .findFirst().orElse(null);
    }

    @QueryHandler
    TeamAssessment handle(FindTeamAssessmentQuery query) {
        return children.assessments(query.organizationId(), query.documentId(), query.assessmentId()).stream()
                .findFirst().orElse(null);
    }

    private boolean hasChildren(String toolSlug, String table) {
        return catalog.tool(toolSlug).childTables().contains(table);
    }

    @QueryHandler
    FastTrackDashboard handle(FindFastTrackDashboardQuery query) {
        List<ToolStatusRow> documents = jdbc.sql("""
                SELECT d.user_id, d.tool_slug, d.status, d.version, p.status AS progress,
                    p.progress_percentage, p.last_accessed_at, p.completed_at
                FROM tool_document d
                JOIN tool_access.progress p ON p.organization_id = d.organization_id AND p.user_id = d.user_id
                    AND p.tool_slug = d.tool_slug
                WHERE d.organization_id = :org AND (CAST(:user AS text) IS NULL OR d.user_id = :user)
                ORDER BY d.user_id, d.tool_slug""")
                .param("org", query.organizationId()).param("user", query.userId())
                .query((rs, n) -> {
                    ToolDefinition tool = catalog.tool(rs.getString("tool_slug"));
                    return new ToolStatusRow(rs.getString("user_id"), tool.sprint(), tool.slug(), tool.name(),
                            parse(ToolDocumentStatus.class, rs.getString("status")),
                            parse(ToolProgressStatus.class, rs.getString("progress")),
                            rs.getInt("progress_percentage"), rs.getLong("version"),
                            instant(rs, "last_accessed_at"), instant(rs, "completed_at"));
                })
                .list();
        if (query.userId() == null) {
            return new FastTrackDashboard(documents.stream()
                    .sorted(Comparator.comparing(ToolStatusRow::userId).thenComparing(ToolStatusRow::sprint))
                    .toList());
        }
        Map<String, ToolStatusRow> started = new HashMap<>();
        documents.forEach(row -> started.put(row.toolSlug(), row));
        return new FastTrackDashboard(catalog.tools().stream()
                .map(tool -> started.getOrDefault(tool.slug(), new ToolStatusRow(query.userId(), tool.sprint(),
                        tool.slug(), tool.name(), null, ToolProgressStatus.NOT_STARTED, 0, 0, null, null)))
                .toList());
    }
}
