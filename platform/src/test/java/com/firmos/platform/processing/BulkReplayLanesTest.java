package com.firmos.platform.processing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A bulk pass's lanes and its reader hold a connection each: they fit in what it stopped and its extra ones. */
class BulkReplayLanesTest {

    @Test
    void aRebuildOfOneProjectionRunsInTheLanesItsExtraConnectionsLeave() {
        // One worker stopped, two extra connections: the reader and two lanes.
        assertThat(BulkReplay.lanesWithin(16, 1, 2)).isEqualTo(2);
    }

    @Test
    void aRebuildOfEveryProjectionRunsInAsManyLanesAsAskedWhenTheStoppedWorkersHoldThem() {
        assertThat(BulkReplay.lanesWithin(4, 13, 2)).isEqualTo(4);
        assertThat(BulkReplay.lanesWithin(32, 13, 2)).isEqualTo(14);
    }

    @Test
    void aPassRunsInOneLaneAtLeast() {
        assertThat(BulkReplay.lanesWithin(4, 0, 1)).isEqualTo(1);
    }
}
