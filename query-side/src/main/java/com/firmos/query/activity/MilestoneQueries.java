package com.firmos.query.activity;

import static com.firmos.query.Jdbc.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.firmos.api.messages.activity.FindMigratedMilestonesQuery;
import com.firmos.api.messages.activity.FindMilestoneQuery;
import com.firmos.api.messages.activity.FindMilestonesQuery;
import com.firmos.api.messages.activity.MilestoneList;
import com.firmos.api.messages.activity.MilestoneStatus;
import com.firmos.api.messages.activity.MilestoneView;

/**
 * The board read back in the old Workbench's milestone shape (the import's mapping, read the other way), so its
 * reads keep working during the bridge period without a table of their own.
 */
@Component
class MilestoneQueries {

    private static final Map<String, MilestoneStatus> STATUSES = Map.of("planned", MilestoneStatus.PENDING,
            "in_progress", MilestoneStatus.IN_PROGRESS, "done", MilestoneStatus.COMPLETED,
            "skipped", MilestoneStatus.SKIPPED);
    private static final String SELECT = """
            SELECT a.*, coalesce(a.migrated_from_milestone_id, a.id) AS milestone_id FROM planning_activity a
            WHERE a.organization_id = :org AND a.status IN ('planned', 'in_progress', 'done', 'skipped')""";
    private static final String BOARD_ORDER = " ORDER BY CASE a.time_bucket WHEN 'this_quarter' THEN 0"
            + " WHEN 'next_quarter' THEN 1 ELSE 2 END, a.order_index";

    private final JdbcClient jdbc;

    MilestoneQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    MilestoneList handle(FindMilestonesQuery query) {
        return new MilestoneList(jdbc.sql(SELECT + " AND a.engagement_id = :engagement" + BOARD_ORDER)
                .param("org", query.organizationId()).param("engagement", query.engagementId())
                .query((rs, n) -> milestone(rs)).list());
    }

    @QueryHandler
    MilestoneView handle(FindMilestoneQuery query) {
        return jdbc.sql(SELECT + " AND coalesce(a.migrated_from_milestone_id, a.id) = :milestone")
                .param("org", query.organizationId()).param("milestone", query.milestoneId())
                .query((rs, n) -> milestone(rs)).optional().orElse(null);
    }

    /** Every imported activity of the engagement, whatever its status now, to compare with the source. */
    @QueryHandler
    MilestoneList handle(FindMigratedMilestonesQuery query) {
        return new MilestoneList(jdbc.sql("""
                SELECT a.*, a.migrated_from_milestone_id AS milestone_id FROM planning_activity a
                WHERE a.organization_id = :org AND a.engagement_id = :engagement
                  AND a.migrated_from_milestone_id IS NOT NULL ORDER BY a.migrated_from_milestone_id""")
                .param("org", query.organizationId()).param("engagement", query.engagementId())
                .query((rs, n) -> milestone(rs)).list());
    }

    private static MilestoneView milestone(ResultSet rs) throws SQLException {
        return new MilestoneView(rs.getObject("milestone_id", UUID.class),
                rs.getObject("id", UUID.class), rs.getObject("engagement_id", UUID.class),
                rs.getString("title"), rs.getString("description"), STATUSES.get(rs.getString("status")),
                rs.getInt("order_index"), instant(rs, "completed_at"), rs.getString("completed_by"),
                instant(rs, "created_at"), instant(rs, "updated_at"), rs.getLong("version"));
    }
}
