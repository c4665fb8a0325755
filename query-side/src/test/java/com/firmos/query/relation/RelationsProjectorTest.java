package com.firmos.query.relation;

import com.firmos.query.Projection;
import com.firmos.query.ProjectorContract;
import com.firmos.query.activity.PlanningHistory;

class RelationsProjectorTest extends ProjectorContract {

    RelationsProjectorTest() {
        super(RelationsProjector.class, PlanningHistory::write,
                () -> Projection.of(new RelationsProjector(Projection.jdbc())));
    }
}
