package com.firmos.query.activity;

import com.firmos.query.ProjectorContract;

class PlanningViewProjectorTest extends ProjectorContract {

    PlanningViewProjectorTest() {
        super(PlanningViewProjector.class, PlanningHistory::write,
                PlanningViewGroup::comparedOnCards);
    }
}
