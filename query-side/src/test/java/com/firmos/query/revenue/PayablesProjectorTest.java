package com.firmos.query.revenue;

import com.firmos.query.Projection;
import com.firmos.query.ProjectorContract;

class PayablesProjectorTest extends ProjectorContract {

    PayablesProjectorTest() {
        super(PayablesProjector.class, PayablesHistory::write,
                () -> Projection.of(new PayablesProjector(Projection.jdbc())));
    }
}
