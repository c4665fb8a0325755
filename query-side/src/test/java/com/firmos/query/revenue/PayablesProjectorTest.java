package com.firmos.query.revenue;

import java.util.List;

import com.firmos.query.Projection;
import com.firmos.query.ProjectorContract;

class PayablesProjectorTest extends ProjectorContract {

    PayablesProjectorTest() {
        super(PayablesProjector.class, PayablesHistory::write);
    }

    @Override
    protected Projection projection() {
        PayablesProjector projector = new PayablesProjector(Projection.jdbc());
        return new Projection(projector.tables(), List.of(projector));
    }
}
