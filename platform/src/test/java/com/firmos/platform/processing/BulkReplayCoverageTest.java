package com.firmos.platform.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.MergedTrackingToken;
import org.junit.jupiter.api.Test;

class BulkReplayCoverageTest {

    /** A segment at index 100 that has not yet seen event 40 (a transaction committed late). */
    private final GapAwareTrackingToken segment = GapAwareTrackingToken.newInstance(100, List.of(40L));

    @Test
    void anEventAboveTheSegmentsGapCountsAsApplied() {
        assertThat(BulkReplay.applied(segment, 41)).isTrue();
        assertThat(BulkReplay.applied(segment, 100)).isTrue();
        assertThat(BulkReplay.applied(segment, 39)).isTrue();
    }

    @Test
    void anEventInTheSegmentsGapIsStillToApply() {
        assertThat(BulkReplay.applied(segment, 40)).isFalse();
    }

    @Test
    void anEventBeyondTheSegmentIsStillToApply() {
        assertThat(BulkReplay.applied(segment, 101)).isFalse();
    }

    @Test
    void aMergingSegmentHasAppliedWhatBothHalvesHave() {
        MergedTrackingToken merged = new MergedTrackingToken(segment, GapAwareTrackingToken.newInstance(60, List.of()));

        assertThat(BulkReplay.applied(merged, 41)).isTrue();
        assertThat(BulkReplay.applied(merged, 61)).isFalse();
        assertThat(BulkReplay.applied(merged, 40)).isFalse();
    }
}
