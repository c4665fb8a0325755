package com.firmos.query.engagement;

import com.firmos.query.ProjectorContract;

class EngagementProjectorTest extends ProjectorContract {

    EngagementProjectorTest() {
        super(EngagementProjector.class, EngagementHubHistory::write,
                () -> EngagementHubGroup.comparedOn(EngagementProjector.class));
    }
}
