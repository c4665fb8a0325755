package com.firmos.query.activity;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.firmos.query.Projection;

/** The planning view's processing group as deployed: the board's cards and the winning moves they show. */
final class PlanningViewGroup {

    private PlanningViewGroup() {
    }

    static Projection comparedOnCards() {
        JdbcClient jdbc = Projection.jdbc();
        PlanningViewProjector cards = new PlanningViewProjector(jdbc, new BoardPositions(jdbc), Projection.JSON);
        return new Projection(cards.tables(), List.of(cards, new WinningMoveProjector(jdbc)));
    }

    static Projection comparedOnMoves() {
        JdbcClient jdbc = Projection.jdbc();
        WinningMoveProjector moves = new WinningMoveProjector(jdbc);
        return new Projection(moves.tables(),
                List.of(new PlanningViewProjector(jdbc, new BoardPositions(jdbc), Projection.JSON), moves));
    }
}
