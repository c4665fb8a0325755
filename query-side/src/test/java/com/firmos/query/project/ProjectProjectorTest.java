package com.firmos.query.project;

import com.firmos.query.ProjectorContract;
import com.firmos.query.engagement.EngagementHubGroup;
import com.firmos.query.engagement.EngagementHubHistory;

class ProjectProjectorTest extends ProjectorContract {

    ProjectProjectorTest() {
        super(ProjectProjector.class, EngagementHubHistory::write, () -> EngagementHubGroup.comparedOn(ProjectProjector.class));
    }
}
