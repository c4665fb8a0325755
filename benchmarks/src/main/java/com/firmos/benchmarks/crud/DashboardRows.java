package com.firmos.benchmarks.crud;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.postgresql.util.PGobject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.json.JsonMapper;

/**
 * The four dashboards as a plain CRUD application would serve them: JdbcTemplate over the product's own read
 * tables, each row as a JSON object of its columns, in the product's order and with its limit, scoped to the token's
 * tenant. Values the product derives in Java (weighted value, days in stage, health inputs) come out of the SQL.
 */
@RestController
@RequestMapping("/crud/dashboards")
class DashboardRows {

    private static final String OPEN_STAGES = "'lead', 'qualified', 'discovery', 'proposal', 'negotiation'";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final RowMapper<Map<String, Object>> columns = DashboardRows::columns;

    DashboardRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The cards and, one query per child table, what the product's cards carry with them. */
    @GetMapping("/engagements/{engagementId}/planning-view")
    Map<String, Object> planningView(@PathVariable UUID engagementId, @AuthenticationPrincipal Jwt caller) {
        String org = caller.getClaimAsString("org_id");
        List<Map<String, Object>> activities = jdbc.query("""
                SELECT id, organization_id, engagement_id, title, description, icon, icon_color, status, phase,
                    time_bucket, scheduled_date, due_date, order_index, completed_at, completed_by, score_data,
                    assigned_team, version, created_at, updated_at
                FROM planning_activity WHERE organization_id = ? AND engagement_id = ?
                ORDER BY order_index, created_at, id""", columns, org, engagementId);
        UUID[] ids = activities.stream().map(row -> (UUID) row.get("id")).toArray(UUID[]::new);
        Map<String, Object> board = new LinkedHashMap<>();
        board.put("activities", activities);
        board.put("resources", jdbc.query("SELECT * FROM planning_activity_resource WHERE organization_id = ?"
                + " AND activity_id = ANY(?) ORDER BY activity_id, position", columns, org, ids));
        board.put("members", jdbc.query("SELECT * FROM planning_activity_member WHERE organization_id = ?"
                + " AND activity_id = ANY(?) ORDER BY added_at, member_key", columns, org, ids));
        board.put("winningMoves", jdbc.query("""
                SELECT l.activity_id, l.winning_move_id, m.title, m.status, l.completed, l.completed_at
                FROM planning_activity_winning_move l LEFT JOIN planning_winning_move m
                  ON m.organization_id = l.organization_id AND m.id = l.winning_move_id
                WHERE l.organization_id = ? AND l.activity_id = ANY(?)
                ORDER BY l.linked_at, l.winning_move_id""", columns, org, ids));
        String[] textIds = activities.stream().map(row -> row.get("id").toString()).toArray(String[]::new);
        board.put("relations", jdbc.query("""
                SELECT activity_id, sum(outgoing) AS outgoing, sum(incoming) AS incoming FROM (
                    SELECT source_id AS activity_id, 1 AS outgoing, 0 AS incoming FROM planning_relation
                    WHERE organization_id = ? AND source_type = 'activity' AND source_id = ANY(?)
                    UNION ALL
                    SELECT target_id, 0, 1 FROM planning_relation
                    WHERE organization_id = ? AND target_type = 'activity' AND target_id = ANY(?)) r
                GROUP BY activity_id""", columns, org, textIds, org, textIds));
        return board;
    }

    @GetMapping("/pipeline")
    List<Map<String, Object>> pipeline(@AuthenticationPrincipal Jwt caller) {
        return jdbc.query("""
                SELECT id, client_id, name, type, source, value, stage, owner_id, expected_close_date,
                    round(value * CASE stage WHEN 'lead' THEN 10 WHEN 'qualified' THEN 25 WHEN 'discovery' THEN 40
                        WHEN 'proposal' THEN 60 ELSE 80 END / 100.0, 2) AS weighted_value,
                    greatest(0, current_date - (stage_entered_at AT TIME ZONE 'UTC')::date) AS days_in_stage
                FROM crm_deal WHERE organization_id = ? AND stage IN (%s)
                ORDER BY stage_entered_at, id""".formatted(OPEN_STAGES), columns,
                caller.getClaimAsString("org_id"));
    }

    /** Each client with the inputs of its health score: MEDDPICC fields filled, champion, levels, last contacts. */
    @GetMapping("/clients")
    List<Map<String, Object>> clients(@AuthenticationPrincipal Jwt caller) {
        return jdbc.query("""
                SELECT c.id, c.name, c.status,
                    num_nonnulls(c.metrics, c.decision_criteria, c.decision_process, c.paper_process,
                        c.identified_pain, c.competition) AS filled,
                    coalesce(people.champion, false) AS champion, people.levels,
                    (SELECT max(i.occurred_at) FROM crm_interaction i
                     WHERE i.organization_id = c.organization_id AND i.client_id = c.id AND NOT i.deleted)
                        AS last_interaction,
                    (SELECT max(i.occurred_at) FROM crm_interaction i JOIN crm_stakeholder buyer
                       ON buyer.organization_id = i.organization_id AND buyer.client_id = i.client_id
                      AND buyer.id = ANY(i.stakeholder_ids) AND 'economic_buyer' = ANY(buyer.roles)
                     WHERE i.organization_id = c.organization_id AND i.client_id = c.id AND NOT i.deleted)
                        AS last_economic_buyer
                FROM crm_client c
                LEFT JOIN (SELECT client_id, bool_or('champion' = ANY(roles)) AS champion,
                               array_agg(engagement_level) AS levels
                           FROM crm_stakeholder WHERE organization_id = ? GROUP BY client_id) people
                  ON people.client_id = c.id
                WHERE c.organization_id = ? ORDER BY c.name""", columns, caller.getClaimAsString("org_id"),
                caller.getClaimAsString("org_id"));
    }

    /** The newest page, with the one row beyond it that tells the product whether there is a next page. */
    @GetMapping("/timeline")
    List<Map<String, Object>> timeline(@AuthenticationPrincipal Jwt caller) {
        return jdbc.query("""
                SELECT event_id, global_position, organization_id, engagement_id, entity_type, entity_id, event_type,
                    actor_id, actor_name, occurred_at, old_value, new_value, comment, client_ip, user_agent,
                    correlation_id, internal
                FROM timeline_entry WHERE organization_id = ?
                ORDER BY occurred_at DESC, global_position DESC LIMIT 51""", columns,
                caller.getClaimAsString("org_id"));
    }

    /** A row as column name to value: JSON columns parsed, arrays as lists, timestamps with their offset. */
    private static Map<String, Object> columns(ResultSet rs, int rowNumber) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, Object> row = new LinkedHashMap<>();
        for (int column = 1; column <= meta.getColumnCount(); column++) {
            Object value = meta.getColumnType(column) == Types.TIMESTAMP
                    || meta.getColumnType(column) == Types.TIMESTAMP_WITH_TIMEZONE
                    ? rs.getObject(column, OffsetDateTime.class)
                    : rs.getObject(column);
            if (value instanceof PGobject json && json.getValue() != null) {
                value = JSON.readTree(json.getValue());
            } else if (value instanceof Array array) {
                value = List.of((Object[]) array.getArray());
            }
            row.put(meta.getColumnLabel(column), value);
        }
        return row;
    }
}
