package com.firmos.query.crm;

import com.firmos.query.Projection;
import com.firmos.query.ProjectorContract;

class CrmProjectorTest extends ProjectorContract {

    CrmProjectorTest() {
        super(CrmProjector.class, CrmHistory::write, CrmProjectorTest::crm);
    }

    static Projection crm() {
        var jdbc = Projection.jdbc();
        return Projection.of(new CrmProjector(jdbc, new ExitCriteria(jdbc), Projection.JSON));
    }
}
