package com.firmos.query.planning;

import static com.firmos.query.Jdbc.instant;
import static com.firmos.query.Jdbc.textArray;
import static com.firmos.query.Jdbc.uuid;
import static com.firmos.query.WireValues.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.firmos.api.messages.activity.ActivityComment;
import com.firmos.api.messages.activity.ActivityComments;
import com.firmos.api.messages.activity.ActivityStatus;
import com.firmos.api.messages.activity.ActivityView;
import com.firmos.api.messages.activity.FindActivityCommentsQuery;
import com.firmos.api.messages.activity.FindActivityQuery;
import com.firmos.api.messages.activity.FindPlanningViewAsOfQuery;
import com.firmos.api.messages.activity.FindPlanningViewQuery;
import com.firmos.api.messages.activity.FindWinningMoveQuery;
import com.firmos.api.messages.activity.FindWinningMovesQuery;
import com.firmos.api.messages.activity.PlanningBucket;
import com.firmos.api.messages.activity.PlanningView;
import com.firmos.api.messages.activity.PlaybookPhase;
import com.firmos.api.messages.activity.TimeBucket;
import com.firmos.api.messages.activity.WinningMoveActivity;
import com.firmos.api.messages.activity.WinningMoveStatus;
import com.firmos.api.messages.activity.WinningMoveView;
import com.firmos.api.messages.activity.WinningMovesView;
import com.firmos.query.asof.AsOfReplay;

/** The queries the planning-view projection answers; every one is bounded to the caller's tenant. */
@Component
class PlanningViewQueries {

    private final JdbcClient jdbc;
    private final ActivityCards cards;
    private final PlanningViewProjector projector;
    private final AsOfReplay history;

    PlanningViewQueries(JdbcClient jdbc, ActivityCards cards, PlanningViewProjector projector, AsOfReplay history) {
        this.jdbc = jdbc;
        this.cards = cards;
        this.projector = projector;
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

    @QueryHandler
    PlanningView handle(FindPlanningViewQuery query) {
        List<ActivityCards.Row> rows = jdbc.sql("SELECT " + ActivityCards.COLUMNS + """
                 FROM planning_activity a
                WHERE a.organization_id = :org AND a.engagement_id = :engagement
                  AND (cardinality(CAST(:phases AS text[])) = 0 OR a.phase = ANY(CAST(:phases AS text[])))
                  AND (cardinality(CAST(:statuses AS text[])) = 0 OR a.status = ANY(CAST(:statuses AS text[])))
                  AND (cardinality(CAST(:teams AS text[])) = 0 OR a.assigned_team = ANY(CAST(:teams AS text[])))
                  AND (cardinality(CAST(:moves AS uuid[])) = 0 OR EXISTS (
                       SELECT 1 FROM planning_activity_winning_move l
                       WHERE l.organization_id = a.organization_id AND l.activity_id = a.id
                         AND l.winning_move_id = ANY(CAST(:moves AS uuid[]))))
                ORDER BY a.order_index, a.created_at, a.id""")
                .param("org", query.organizationId())
                .param("engagement", query.engagementId())
                .param("phases", wireArray(query.phases()))
                .param("statuses", wireArray(query.statuses()))
                .param("teams", textArray(query.teams()))
                .param("moves", textArray(query.winningMoveIds()))
                .query(cards::row)
                .list();
        Map<TimeBucket, List<ActivityView>> byBucket = new EnumMap<>(TimeBucket.class);
        Arrays.stream(TimeBucket.values()).forEach(bucket -> byBucket.put(bucket, new ArrayList<>()));
        cards.assemble(query.organizationId(), rows).forEach(card -> byBucket.get(card.timeBucket()).add(card));
        return new PlanningView(query.engagementId(), byBucket.entrySet().stream()
                .map(entry -> new PlanningBucket(entry.getKey(), List.copyOf(entry.getValue())))
                .toList());
    }

    @QueryHandler
    PlanningView handle(FindPlanningViewAsOfQuery query) {
        return history.replay(query.view().organizationId(), query.asOf(), List.of(projector),
                () -> handle(query.view()));
    }

    @QueryHandler
    ActivityComments handle(FindActivityCommentsQuery query) {
        List<ActivityComment> comments = jdbc.sql("""
                SELECT * FROM planning_activity_comment WHERE activity_id = :id AND organization_id = :org
                ORDER BY created_at, comment_id""")
                .param("id", query.activityId()).param("org", query.organizationId())
                .query((rs, n) -> new ActivityComment(uuid(rs, "comment_id"), uuid(rs, "activity_id"),
                        rs.getString("author_id"), rs.getString("author_name"), rs.getString("text"),
                        instant(rs, "created_at"), instant(rs, "edited_at")))
                .list();
        return new ActivityComments(query.activityId(), comments);
    }

    @QueryHandler
    WinningMovesView handle(FindWinningMovesQuery query) {
        return new WinningMovesView(query.engagementId(), winningMoves(
                "m.organization_id = :org AND m.engagement_id = :key", query.organizationId(), query.engagementId()));
    }

    @QueryHandler
    WinningMoveView handle(FindWinningMoveQuery query) {
        return winningMoves("m.organization_id = :org AND m.id = :key", query.organizationId(),
                query.winningMoveId()).stream().findFirst().orElse(null);
    }

    private List<WinningMoveView> winningMoves(String where, String organization, UUID key) {
        List<WinningMoveView> moves = jdbc.sql("SELECT m.* FROM planning_winning_move m WHERE " + where
                        + " ORDER BY m.created_at, m.id")
                .param("org", organization).param("key", key)
                .query((rs, n) -> new WinningMoveView(uuid(rs, "id"), rs.getString("organization_id"),
                        uuid(rs, "engagement_id"), rs.getString("title"), rs.getString("description"),
                        parse(PlaybookPhase.class, rs.getString("source_phase")), uuid(rs, "source_activity_id"),
                        parse(WinningMoveStatus.class, rs.getString("status")), List.of(), 0,
                        rs.getLong("version"), instant(rs, "created_at"), instant(rs, "updated_at")))
                .list();
        return moves.stream().map(this::withActivities).toList();
    }

    private WinningMoveView withActivities(WinningMoveView move) {
        List<WinningMoveActivity> activities = jdbc.sql("""
                SELECT l.activity_id, a.title, a.status, l.completed, l.completed_at
                FROM planning_activity_winning_move l
                JOIN planning_activity a ON a.organization_id = l.organization_id AND a.id = l.activity_id
                WHERE l.organization_id = :org AND l.winning_move_id = :id ORDER BY l.linked_at, l.activity_id""")
                .param("org", move.organizationId()).param("id", move.id())
                .query((rs, n) -> new WinningMoveActivity(uuid(rs, "activity_id"), rs.getString("title"),
                        parse(ActivityStatus.class, rs.getString("status")), rs.getBoolean("completed"),
                        instant(rs, "completed_at")))
                .list();
        long completed = activities.stream().filter(WinningMoveActivity::completed).count();
        double share = activities.isEmpty() ? 0 : (double) completed / activities.size();
        return new WinningMoveView(move.id(), move.organizationId(), move.engagementId(), move.title(),
                move.description(), move.sourcePhase(), move.sourceActivityId(), move.status(), activities, share,
                move.version(), move.createdAt(), move.updatedAt());
    }

    private static String[] wireArray(java.util.Set<? extends Enum<?>> values) {
        return values == null ? new String[0]
                : values.stream().map(com.firmos.query.WireValues::wire).toArray(String[]::new);
    }
}
