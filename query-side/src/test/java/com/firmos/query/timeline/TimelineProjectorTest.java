package com.firmos.query.timeline;

import com.firmos.query.History;
import com.firmos.query.Projection;
import com.firmos.query.ProjectorContract;
import com.firmos.query.activity.PlanningHistory;
import com.firmos.query.crm.CrmHistory;
import com.firmos.query.engagement.EngagementHubHistory;
import com.firmos.query.fasttrack.FastTrackHistory;
import com.firmos.query.portal.PortalHistory;
import com.firmos.query.revenue.PayablesHistory;
import com.firmos.query.revenue.RevenueHistory;

/** Every event gets an entry, so the timeline's history is every other projector's, one after the other. */
class TimelineProjectorTest extends ProjectorContract {

    TimelineProjectorTest() {
        super(TimelineProjector.class, TimelineProjectorTest::everything, () -> Projection.of(
                new TimelineProjector(Projection.jdbc(), new TimelineDescriber(), Projection.JSON)));
    }

    private static void everything(History history) {
        PlanningHistory.write(history);
        CrmHistory.write(history);
        EngagementHubHistory.write(history);
        RevenueHistory.write(history);
        PayablesHistory.write(history);
        FastTrackHistory.write(history);
        PortalHistory.write(history);
    }
}
