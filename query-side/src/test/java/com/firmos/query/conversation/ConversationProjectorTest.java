package com.firmos.query.conversation;

import com.firmos.query.ProjectorContract;
import com.firmos.query.engagement.EngagementHubGroup;
import com.firmos.query.engagement.EngagementHubHistory;

class ConversationProjectorTest extends ProjectorContract {

    ConversationProjectorTest() {
        super(ConversationProjector.class, EngagementHubHistory::write, () -> EngagementHubGroup.comparedOn(ConversationProjector.class));
    }
}
