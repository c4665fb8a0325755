package com.firmos.query.fasttrack;

import com.firmos.query.ProjectorContract;

class ToolDocumentHistoryProjectorTest extends ProjectorContract {

    ToolDocumentHistoryProjectorTest() {
        super(ToolDocumentHistoryProjector.class, FastTrackHistory::write, FastTrackGroup::comparedOnHistory);
    }
}
