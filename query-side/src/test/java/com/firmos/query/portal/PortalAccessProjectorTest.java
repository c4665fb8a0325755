package com.firmos.query.portal;

import com.firmos.query.Projection;
import com.firmos.query.ProjectorContract;

class PortalAccessProjectorTest extends ProjectorContract {

    PortalAccessProjectorTest() {
        super(PortalAccessProjector.class, PortalHistory::write,
                () -> Projection.of(new PortalAccessProjector(Projection.jdbc())));
    }
}
