package com.firmos.query.activity;

import com.firmos.query.ProjectorContract;

class WinningMoveProjectorTest extends ProjectorContract {

    WinningMoveProjectorTest() {
        super(WinningMoveProjector.class, PlanningHistory::write, PlanningViewGroup::comparedOnMoves);
    }
}
