package com.firmos.query.fasttrack;

import com.firmos.query.ProjectorContract;

class ToolChildrenProjectorTest extends ProjectorContract {

    ToolChildrenProjectorTest() {
        super(ToolChildrenProjector.class, FastTrackHistory::write, FastTrackGroup::comparedOnChildren);
    }
}
