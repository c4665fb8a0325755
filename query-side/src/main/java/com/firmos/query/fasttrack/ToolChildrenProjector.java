package com.firmos.query.fasttrack;

import static com.firmos.query.Jdbc.uuid;
import static com.firmos.query.WireValues.parse;
import static com.firmos.query.WireValues.wire;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.firmos.api.messages.fasttrack.AbcRating;
import com.firmos.api.messages.fasttrack.Hypothesis;
import com.firmos.api.messages.fasttrack.HypothesisAddedEvent;
import com.firmos.api.messages.fasttrack.HypothesisCategory;
import com.firmos.api.messages.fasttrack.HypothesisDetails;
import com.firmos.api.messages.fasttrack.HypothesisEditedEvent;
import com.firmos.api.messages.fasttrack.HypothesisRemovedEvent;
import com.firmos.api.messages.fasttrack.TeamAssessment;
import com.firmos.api.messages.fasttrack.TeamAssessmentAddedEvent;
import com.firmos.api.messages.fasttrack.TeamAssessmentDetails;
import com.firmos.api.messages.fasttrack.TeamAssessmentEditedEvent;
import com.firmos.api.messages.fasttrack.TeamAssessmentRemovedEvent;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes value-proposition hypotheses and FIT & ABC team assessments to their tools' child tables, one row each.
 * Adds and edits are upserts and removals deletes, so redelivery leaves the same rows; the rows go with their
 * document when {@link ToolDocumentProjector} resets (the tables cascade).
 */
@Component
@ProcessingGroup(ToolDocumentProjector.PROCESSING_GROUP)
class ToolChildrenProjector {

    private static final String HYPOTHESES = "sprint_15_value_proposition.hypotheses";
    private static final String ASSESSMENTS = "sprint_24_fit_abc_analysis.team_assessments";
    private static final TypeReference<List<String>> TEXTS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final FreeFormData freeForm;

    ToolChildrenProjector(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.freeForm = new FreeFormData(json);
    }

    @EventHandler
    void on(HypothesisAddedEvent event) {
        upsert(event.organizationId(), event.documentId(), event.hypothesisId(), event.details());
    }

    @EventHandler
    void on(HypothesisEditedEvent event) {
        upsert(event.organizationId(), event.documentId(), event.hypothesisId(), event.details());
    }

    @EventHandler
    void on(HypothesisRemovedEvent event) {
        remove(HYPOTHESES, event.organizationId(), event.documentId(), event.hypothesisId());
    }

    @EventHandler
    void on(TeamAssessmentAddedEvent event) {
        upsert(event.organizationId(), event.documentId(), event.assessmentId(), event.details());
    }

    @EventHandler
    void on(TeamAssessmentEditedEvent event) {
        upsert(event.organizationId(), event.documentId(), event.assessmentId(), event.details());
    }

    @EventHandler
    void on(TeamAssessmentRemovedEvent event) {
        remove(ASSESSMENTS, event.organizationId(), event.documentId(), event.assessmentId());
    }

    private void remove(String table, String organizationId, UUID documentId, UUID id) {
        jdbc.sql("DELETE FROM " + table + " WHERE organization_id = :org AND tool_data_id = :doc AND id = :id")
                .param("org", organizationId).param("doc", documentId).param("id", id).update();
    }

    List<Hypothesis> hypotheses(String organizationId, UUID documentId) {
        return hypotheses(organizationId, documentId, null);
    }

    /** The document's hypotheses, or the one named (null: all). */
    List<Hypothesis> hypotheses(String organizationId, UUID documentId, UUID only) {
        return jdbc.sql("SELECT * FROM " + HYPOTHESES + " WHERE organization_id = :org AND tool_data_id = :doc"
                        + " AND (CAST(:only AS uuid) IS NULL OR id = :only) ORDER BY priority NULLS LAST, id")
                .param("org", organizationId).param("doc", documentId).param("only", only)
                .query((rs, n) -> new Hypothesis(uuid(rs, "id"), new HypothesisDetails(rs.getString("hypothesis_text"),
                        parse(HypothesisCategory.class, rs.getString("category")),
                        (Integer) rs.getObject("priority"), rs.getBoolean("tested"),
                        rs.getString("test_results") == null ? null
                                : freeForm.read(rs.getString("test_results")))))
                .list();
    }

    List<TeamAssessment> assessments(String organizationId, UUID documentId) {
        return assessments(organizationId, documentId, null);
    }

    /** The document's team assessments, or the one named (null: all). */
    List<TeamAssessment> assessments(String organizationId, UUID documentId, UUID only) {
        return jdbc.sql("SELECT * FROM " + ASSESSMENTS + " WHERE organization_id = :org AND tool_data_id = :doc"
                        + " AND (CAST(:only AS uuid) IS NULL OR id = :only) ORDER BY team_member_name, id")
                .param("org", organizationId).param("doc", documentId).param("only", only)
                .query((rs, n) -> new TeamAssessment(uuid(rs, "id"), new TeamAssessmentDetails(
                        rs.getString("team_member_name"), rs.getString("role"), rs.getInt("fit_energy"),
                        rs.getInt("fit_skill"), rs.getInt("fit_values"), rs.getInt("fit_impact"),
                        AbcRating.valueOf(rs.getString("abc_rating")), rs.getString("notes"),
                        rs.getString("action_items") == null ? List.of()
                                : json.readValue(rs.getString("action_items"), TEXTS))))
                .list();
    }

    private void upsert(String organizationId, UUID documentId, UUID hypothesisId, HypothesisDetails details) {
        jdbc.sql("INSERT INTO " + HYPOTHESES + """
                 (organization_id, id, tool_data_id, hypothesis_text, category, priority, tested, test_results)
                VALUES (:org, :id, :doc, :text, :category, :priority, :tested, CAST(:results AS jsonb))
                ON CONFLICT (organization_id, tool_data_id, id) DO UPDATE SET
                    hypothesis_text = excluded.hypothesis_text,
                    category = excluded.category, priority = excluded.priority, tested = excluded.tested,
                    test_results = excluded.test_results""")
                .param("org", organizationId).param("id", hypothesisId).param("doc", documentId)
                .param("text", details.text())
                .param("category", wire(details.category())).param("priority", details.priority())
                .param("tested", details.tested())
                .param("results", details.results() == null ? null : json.writeValueAsString(details.results()))
                .update();
    }

    private void upsert(String organizationId, UUID documentId, UUID assessmentId, TeamAssessmentDetails details) {
        jdbc.sql("INSERT INTO " + ASSESSMENTS + """
                 (organization_id, id, tool_data_id, team_member_name, role, fit_energy, fit_skill, fit_values,
                    fit_impact, abc_rating, notes, action_items)
                VALUES (:org, :id, :doc, :name, :role, :energy, :skill, :values, :impact, :rating, :notes,
                    CAST(:actions AS jsonb))
                ON CONFLICT (organization_id, tool_data_id, id) DO UPDATE SET
                    team_member_name = excluded.team_member_name, role = excluded.role,
                    fit_energy = excluded.fit_energy, fit_skill = excluded.fit_skill,
                    fit_values = excluded.fit_values, fit_impact = excluded.fit_impact,
                    abc_rating = excluded.abc_rating, notes = excluded.notes, action_items = excluded.action_items""")
                .param("org", organizationId).param("id", assessmentId).param("doc", documentId)
                .param("name", details.memberName())
                .param("role", details.role()).param("energy", details.energy()).param("skill", details.skill())
                .param("values", details.values()).param("impact", details.impact())
                .param("rating", details.rating().name()).param("notes", details.notes())
                .param("actions", json.writeValueAsString(details.actionItems() == null ? List.of()
                        : details.actionItems()))
                .update();
    }
}
