package com.firmos.platform.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        // The eleven projections a rebuild of every projection stops, one worker each.
        assertThat(BulkReplay.lanesWithin(4, 11, 2)).isEqualTo(4);
        assertThat(BulkReplay.lanesWithin(32, 11, 2)).isEqualTo(12);
    }

    @Test
    void aPassWithOneConnectionBeyondTheReaderRunsInOneLane() {
        assertThat(BulkReplay.lanesWithin(4, 1, 1)).isEqualTo(1);
    }

    @Test
    void aProcessorIsSplitOnlyWhenThereAreFewerProcessorsThanLanes() {
        assertThat(BulkReplay.partsPerProcessor(2, 1)).isEqualTo(2);
        assertThat(BulkReplay.partsPerProcessor(4, 3)).isEqualTo(2);
        assertThat(BulkReplay.partsPerProcessor(2, 15)).isEqualTo(1);
        assertThat(BulkReplay.partsPerProcessor(1, 1)).isEqualTo(1);
    }

    @Test
    void cannotRunAPassWithoutAConnectionForALane() {
        assertThatThrownBy(() -> BulkReplay.lanesWithin(4, 0, 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("firmos.projections.bulk-connections");
    }
}
