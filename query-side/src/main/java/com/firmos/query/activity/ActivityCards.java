package com.firmos.query.activity;

import static com.firmos.query.Jdbc.instant;
import static com.firmos.query.Jdbc.textArray;
import static com.firmos.query.Jdbc.uuid;
import static com.firmos.query.WireValues.parse;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.firmos.api.messages.activity.ActivityResource;
import com.firmos.api.messages.activity.ActivityStatus;
import com.firmos.api.messages.activity.ActivityView;
import com.firmos.api.messages.activity.ActivityWinningMove;
import com.firmos.api.messages.activity.PlaybookPhase;
import com.firmos.api.messages.activity.ResourceType;
import com.firmos.api.messages.activity.ScoreData;
import com.firmos.api.messages.activity.TeamMember;
import com.firmos.api.messages.crm.Sealed;
import com.firmos.api.messages.activity.TimeBucket;
import com.firmos.api.messages.activity.WinningMoveStatus;

import tools.jackson.databind.ObjectMapper;

/**
 * Assembles whole cards: the activity rows a query selected, then each child table read once for all of them,
 * so the board costs a handful of queries however many cards it has.
 */
@Component
class ActivityCards {

    static final String COLUMNS = """
            a.id, a.organization_id, a.engagement_id, a.title, a.description, a.icon, a.icon_color, a.status,
            a.phase, a.time_bucket, a.scheduled_date, a.due_date, a.order_index, a.completed_at, a.completed_by,
            a.score_data, a.assigned_team, a.version, a.created_at, a.updated_at""";

    private static final int[] NO_RELATIONS = {0, 0};

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ActivityCards(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<ActivityView> assemble(String organization, List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        String[] ids = textArray(rows.stream().map(Row::id).toList());
        Map<UUID, List<ActivityResource>> resources = resources(organization, ids);
        Map<UUID, List<TeamMember>> members = members(organization, ids);
        Map<UUID, List<ActivityWinningMove>> moves = winningMoves(organization, ids);
        Map<String, int[]> relations = relationCounts(organization, ids);
        return rows.stream().map(row -> {
            int[] counts = relations.getOrDefault(row.id().toString(), NO_RELATIONS);
            return row.toView(resources.getOrDefault(row.id(), List.of()), members.getOrDefault(row.id(), List.of()),
                    moves.getOrDefault(row.id(), List.of()), counts[0], counts[1]);
        }).toList();
    }

    Row row(ResultSet rs, int rowNumber) throws SQLException {
        String score = rs.getString("score_data");
        return new Row(uuid(rs, "id"), rs.getString("organization_id"), uuid(rs, "engagement_id"),
                rs.getString("title"), rs.getString("description"), rs.getString("icon"), rs.getString("icon_color"),
                parse(ActivityStatus.class, rs.getString("status")), parse(PlaybookPhase.class, rs.getString("phase")),
                parse(TimeBucket.class, rs.getString("time_bucket")), rs.getObject("scheduled_date", LocalDate.class),
                rs.getObject("due_date", LocalDate.class), rs.getInt("order_index"), instant(rs, "completed_at"),
                rs.getString("completed_by"), score == null ? null : json.readValue(score, ScoreData.class),
                rs.getString("assigned_team"), rs.getLong("version"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private Map<UUID, List<ActivityResource>> resources(String organization, String[] ids) {
        return jdbc.sql("""
                SELECT * FROM planning_activity_resource
                WHERE organization_id = :org AND activity_id = ANY(CAST(:ids AS uuid[]))
                ORDER BY activity_id, position""")
                .param("org", organization).param("ids", ids)
                .query((rs, n) -> Map.entry(uuid(rs, "activity_id"), new ActivityResource(uuid(rs, "resource_id"),
                        parse(ResourceType.class, rs.getString("type")), rs.getString("title"), rs.getString("icon"),
                        rs.getString("url"), rs.getString("notion_page_id"), uuid(rs, "tenant_page_id"),
                        uuid(rs, "tenant_file_id"))))
                .list().stream().collect(grouped());
    }

    private Map<UUID, List<TeamMember>> members(String organization, String[] ids) {
        return jdbc.sql("""
                SELECT * FROM planning_activity_member
                WHERE organization_id = :org AND activity_id = ANY(CAST(:ids AS uuid[]))
                ORDER BY added_at, member_key""")
                .param("org", organization).param("ids", ids)
                .query((rs, n) -> Map.entry(uuid(rs, "activity_id"), new TeamMember(rs.getString("user_id"),
                        uuid(rs, "non_user_member_id"), sealed(rs, "name_sealed"), sealed(rs, "email_sealed"),
                        rs.getString("role"))))
                .list().stream().collect(grouped());
    }

    private static Sealed sealed(ResultSet rs, String column) throws SQLException {
        String ciphertext = rs.getString(column);
        return ciphertext == null ? null : new Sealed(rs.getString("non_user_member_id"), ciphertext);
    }

    private Map<UUID, List<ActivityWinningMove>> winningMoves(String organization, String[] ids) {
        return jdbc.sql("""
                SELECT l.activity_id, l.winning_move_id, m.title, m.status, l.completed, l.completed_at
                FROM planning_activity_winning_move l
                LEFT JOIN planning_winning_move m ON m.organization_id = l.organization_id AND m.id = l.winning_move_id
                WHERE l.organization_id = :org AND l.activity_id = ANY(CAST(:ids AS uuid[]))
                ORDER BY l.linked_at, l.winning_move_id""")
                .param("org", organization).param("ids", ids)
                .query((rs, n) -> Map.entry(uuid(rs, "activity_id"), new ActivityWinningMove(
                        uuid(rs, "winning_move_id"), rs.getString("title"),
                        parse(WinningMoveStatus.class, rs.getString("status")), rs.getBoolean("completed"),
                        instant(rs, "completed_at"))))
                .list().stream().collect(grouped());
    }

    /** Each card's outgoing and incoming relations, both in one statement. */
    private Map<String, int[]> relationCounts(String organization, String[] ids) {
        Map<String, int[]> counts = new HashMap<>();
        jdbc.sql("""
                SELECT id, sum(outgoing)::int, sum(incoming)::int FROM (
                    SELECT source_id AS id, 1 AS outgoing, 0 AS incoming FROM planning_relation
                    WHERE organization_id = :org AND source_type = 'activity' AND source_id = ANY(CAST(:ids AS text[]))
                    UNION ALL
                    SELECT target_id, 0, 1 FROM planning_relation
                    WHERE organization_id = :org AND target_type = 'activity' AND target_id = ANY(CAST(:ids AS text[]))
                ) relation GROUP BY id""")
                .param("org", organization)
                .param("ids", ids)
                .query(rs -> {
                    counts.put(rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3)});
                });
        return counts;
    }

    private static <T> java.util.stream.Collector<Map.Entry<UUID, T>, ?, Map<UUID, List<T>>> grouped() {
        return Collectors.groupingBy(Map.Entry::getKey, LinkedHashMap::new,
                Collectors.mapping(Map.Entry::getValue, Collectors.toList()));
    }

    /** An activity row before its children are attached. */
    record Row(UUID id, String organizationId, UUID engagementId, String title, String description, String icon,
            String iconColor, ActivityStatus status, PlaybookPhase phase, TimeBucket timeBucket,
            LocalDate scheduledDate, LocalDate dueDate, int orderIndex, java.time.Instant completedAt,
            String completedBy, ScoreData scoreData, String assignedTeam, long version,
            java.time.Instant createdAt, java.time.Instant updatedAt) {

        ActivityView toView(List<ActivityResource> resources, List<TeamMember> members,
                List<ActivityWinningMove> winningMoves, int outgoing, int incoming) {
            return new ActivityView(id, organizationId, engagementId, title, description, icon, iconColor, status,
                    phase, timeBucket, scheduledDate, dueDate, orderIndex, completedAt, completedBy, scoreData,
                    assignedTeam, members, winningMoves, resources, outgoing, incoming, version, createdAt,
                    updatedAt);
        }
    }
}
