package com.firmos.query.fasttrack;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.firmos.query.Projection;

/**
 * The Fast Track processing group as deployed: documents, their history and their child rows, which go with their
 * document when it resets (the child tables cascade). Each projector is compared on the tables it writes.
 */
final class FastTrackGroup {

    private FastTrackGroup() {
    }

    static Projection comparedOnDocuments() {
        ToolCatalogQueries catalog = new ToolCatalogQueries(Projection.JSON);
        List<String> tables = new ArrayList<>(List.of("tool_document", "tool_access.progress"));
        FastTrackHistory.TOOLS.forEach(tool -> tables.add(catalog.schemaOf(tool) + ".tool_data"));
        return comparedOn(tables);
    }

    static Projection comparedOnHistory() {
        return comparedOn(List.of("tool_document_version"));
    }

    static Projection comparedOnChildren() {
        return comparedOn(List.of("sprint_15_value_proposition.hypotheses",
                "sprint_24_fit_abc_analysis.team_assessments"));
    }

    private static Projection comparedOn(List<String> tables) {
        JdbcClient jdbc = Projection.jdbc();
        return new Projection(tables, List.of(
                new ToolDocumentProjector(jdbc, Projection.JSON, new ToolCatalogQueries(Projection.JSON)),
                new ToolDocumentHistoryProjector(jdbc, Projection.JSON), new ToolChildrenProjector(jdbc,
                        Projection.JSON)));
    }
}
