package com.firmos.query.fasttrack;

import com.firmos.query.ProjectorContract;

class ToolDocumentProjectorTest extends ProjectorContract {

    ToolDocumentProjectorTest() {
        super(ToolDocumentProjector.class, FastTrackHistory::write, FastTrackGroup::comparedOnDocuments);
    }
}
