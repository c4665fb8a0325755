package com.firmos.query.revenue;

import java.util.List;

import com.firmos.query.Projection;
import com.firmos.query.ProjectorContract;

class RevenueProjectorTest extends ProjectorContract {

    RevenueProjectorTest() {
        super(RevenueProjector.class, RevenueHistory::write);
    }

    @Override
    protected Projection projection() {
        RevenueProjector projector = new RevenueProjector(Projection.jdbc(), Projection.JSON);
        return new Projection(projector.tables(), List.of(projector));
    }
}
