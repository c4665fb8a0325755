package com.firmos.query.revenue;

import com.firmos.query.Projection;
import com.firmos.query.ProjectorContract;

class RevenueProjectorTest extends ProjectorContract {

    RevenueProjectorTest() {
        super(RevenueProjector.class, RevenueHistory::write,
                () -> Projection.of(new RevenueProjector(Projection.jdbc(), Projection.JSON)));
    }
}
