package com.firmos.query.fasttrack;

import java.util.List;

import com.firmos.query.Projection;
import com.firmos.query.ProjectorContract;

class ToolAccessProjectorTest extends ProjectorContract {

    ToolAccessProjectorTest() {
        super(ToolAccessProjector.class, FastTrackHistory::write, () -> new Projection(
                List.of("tool_access.permissions"), List.of(new ToolAccessProjector(Projection.jdbc()))));
    }
}
