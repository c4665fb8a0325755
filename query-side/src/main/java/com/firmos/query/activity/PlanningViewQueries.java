package com.firmos.query.activity;

import static com.firmos.query.Jdbc.instant;
import static com.firmos.query.Jdbc.textArray;
import static com.firmos.query.Jdbc.uuid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.firmos.api.messages.activity.ActivityComment;
import com.firmos.api.messages.activity.ActivityComments;
import com.firmos.api.messages.activity.ActivityView;
import com.firmos.api.messages.activity.FindActivityCommentQuery;
import com.firmos.api.messages.activity.FindActivityCommentsQuery;
import com.firmos.api.messages.activity.FindActivityQuery;
import com.firmos.api.messages.activity.FindPlanningViewAsOfQuery;
import com.firmos.api.messages.activity.FindPlanningViewQuery;
import com.firmos.api.messages.activity.PlanningBucket;
import com.firmos.api.messages.activity.PlanningView;
import com.firmos.api.messages.activity.TimeBucket;
import com.firmos.query.asof.AsOfReplay;

/** The queries the planning-view projection answers; every one is bounded to the caller's tenant. */
@Component
class PlanningViewQueries {

    /** The board's filters on {@code a}, each left out by an empty list. */
    private static final String FILTERS = """
            (cardinality(CAST(:phases AS text[])) = 0 OR a.phase = ANY(CAST(:phases AS text[])))
              AND (cardinality(CAST(:statuses AS text[])) = 0 OR a.status = ANY(CAST(:statuses AS text[])))
              AND (cardinality(CAST(:teams AS text[])) = 0 OR a.assigned_team = ANY(CAST(:teams AS text[])))
              AND (cardinality(CAST(:moves AS uuid[])) = 0 OR EXISTS (
                   SELECT 1 FROM planning_activity_winning_move l
                   WHERE l.organization_id = a.organization_id AND l.activity_id = a.id
                     AND l.winning_move_id = ANY(CAST(:moves AS uuid[]))))""";
    private static final String ORDER = " ORDER BY a.order_index, a.created_at, a.id";

    private final JdbcClient jdbc;
    private final ActivityCards cards;
    /** The board's projectors: cards show their winning moves' titles and statuses. */
    private final List<Object> projectors;
    private final AsOfReplay history;

    PlanningViewQueries(JdbcClient jdbc, ActivityCards cards, PlanningViewProjector projector,
            WinningMoveProjector winningMoves, AsOfReplay history) {
        this.jdbc = jdbc;
        this.cards = cards;
        this.projectors = List.of(projector, winningMoves);
        this.history = history;
    }

    @QueryHandler
    ActivityView handle(FindActivityQuery query) {
        List<ActivityCards.Row> rows = jdbc.sql("SELECT " + ActivityCards.COLUMNS
                        + " FROM planning_activity a WHERE a.id = :id AND a.organization_id = :org")
                .param("id", query.activityId()).param("org", query.organizationId())
                .query(cards::row).list();
        return cards.assemble(query.organizationId(), rows).stream().findFirst().orElse(null);
    }

    /**
     * The board, or none when the engagement is not the tenant's: the activities are joined to their engagement, so
     * one statement tells a missing engagement from an empty board and the request asks nothing first.
     */
    @QueryHandler
    PlanningView handle(FindPlanningViewQuery query) {
        List<ActivityCards.Row> rows = jdbc.sql("SELECT " + ActivityCards.COLUMNS
                        + " FROM engagement e LEFT JOIN planning_activity a ON a.organization_id = e.organization_id"
                        + " AND a.engagement_id = e.id AND " + FILTERS
                        + " WHERE e.organization_id = :org AND e.id = :engagement" + ORDER)
                .params(filters(query))
                .query((rs, n) -> rs.getObject("id") == null ? null : cards.row(rs, n))
                .list();
        if (rows.isEmpty()) {
            return null;
        }
        return board(query, rows.getFirst() == null ? List.of() : rows);
    }

    /** As it stood: the replay's copies of the tables hold the board's projections only, not the engagements. */
    @QueryHandler
    PlanningView handle(FindPlanningViewAsOfQuery query) {
        FindPlanningViewQuery view = query.view();
        return history.replay(view.organizationId(), query.asOf(), projectors, () -> board(view,
                jdbc.sql("SELECT " + ActivityCards.COLUMNS + " FROM planning_activity a"
                                + " WHERE a.organization_id = :org AND a.engagement_id = :engagement AND " + FILTERS
                                + ORDER)
                        .params(filters(view))
                        .query(cards::row)
                        .list()));
    }

    private static Map<String, Object> filters(FindPlanningViewQuery query) {
        return Map.of("org", query.organizationId(), "engagement", query.engagementId(),
                "phases", wireArray(query.phases()), "statuses", wireArray(query.statuses()),
                "teams", textArray(query.teams()), "moves", textArray(query.winningMoveIds()));
    }

    private PlanningView board(FindPlanningViewQuery query, List<ActivityCards.Row> rows) {
        Map<TimeBucket, List<ActivityView>> byBucket = new EnumMap<>(TimeBucket.class);
        Arrays.stream(TimeBucket.values()).forEach(bucket -> byBucket.put(bucket, new ArrayList<>()));
        cards.assemble(query.organizationId(), rows).forEach(card -> byBucket.get(card.timeBucket()).add(card));
        return new PlanningView(query.engagementId(), byBucket.entrySet().stream()
                .map(entry -> new PlanningBucket(entry.getKey(), List.copyOf(entry.getValue())))
                .toList());
    }

    @QueryHandler
    ActivityComments handle(FindActivityCommentsQuery query) {
        List<ActivityComment> comments = jdbc.sql("""
                SELECT * FROM planning_activity_comment WHERE activity_id = :id AND organization_id = :org
                ORDER BY created_at, comment_id""")
                .param("id", query.activityId()).param("org", query.organizationId())
                .query((rs, n) -> comment(rs))
                .list();
        return new ActivityComments(query.activityId(), comments);
    }

    @QueryHandler
    ActivityComment handle(FindActivityCommentQuery query) {
        return jdbc.sql("""
                SELECT * FROM planning_activity_comment
                WHERE organization_id = :org AND activity_id = :id AND comment_id = :comment""")
                .param("org", query.organizationId()).param("id", query.activityId())
                .param("comment", query.commentId())
                .query((rs, n) -> comment(rs))
                .optional().orElse(null);
    }

    private static ActivityComment comment(ResultSet rs) throws SQLException {
        return new ActivityComment(uuid(rs, "comment_id"), uuid(rs, "activity_id"), rs.getString("author_id"),
                rs.getString("author_name"), rs.getString("text"), instant(rs, "created_at"),
                instant(rs, "edited_at"));
    }

    private static String[] wireArray(java.util.Set<? extends Enum<?>> values) {
        return values == null ? new String[0]
                : values.stream().map(com.firmos.query.WireValues::wire).toArray(String[]::new);
    }
}
