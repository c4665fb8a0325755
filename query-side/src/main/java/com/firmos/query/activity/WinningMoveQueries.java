package com.firmos.query.activity;

import static com.firmos.query.Jdbc.instant;
import static com.firmos.query.Jdbc.uuid;
import static com.firmos.query.WireValues.parse;

import java.util.List;
import java.util.UUID;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.firmos.api.messages.activity.ActivityStatus;
import com.firmos.api.messages.activity.FindWinningMoveQuery;
import com.firmos.api.messages.activity.FindWinningMovesQuery;
import com.firmos.api.messages.activity.PlaybookPhase;
import com.firmos.api.messages.activity.WinningMoveActivity;
import com.firmos.api.messages.activity.WinningMoveStatus;
import com.firmos.api.messages.activity.WinningMoveView;
import com.firmos.api.messages.activity.WinningMovesView;

/** Winning moves with the activities linked to them; every query is bounded to the caller's tenant. */
@Component
class WinningMoveQueries {

    private final JdbcClient jdbc;

    WinningMoveQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
}
