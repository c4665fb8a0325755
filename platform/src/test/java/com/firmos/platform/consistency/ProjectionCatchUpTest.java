package com.firmos.platform.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.junit.jupiter.api.Test;

class ProjectionCatchUpTest {

    @Test
    void aWriteBeyondAGapThatNeverClosesHasBeenPassed() {
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(754, List.of(586L, 596L));

        assertThat(ProjectionCatchUp.passed(token, 743)).isTrue();
    }

    @Test
    void aWriteStillInAGapHasNotBeenPassed() {
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(754, List.of(743L));

        assertThat(ProjectionCatchUp.passed(token, 743)).isFalse();
    }

    @Test
    void aWriteAheadOfTheTokenHasNotBeenPassed() {
        assertThat(ProjectionCatchUp.passed(GapAwareTrackingToken.newInstance(700, List.of()), 743)).isFalse();
    }

    @Test
    void aReplayHasPassedWhatItReplayedSoFar() {
        GapAwareTrackingToken atReset = GapAwareTrackingToken.newInstance(754, List.of());
        ReplayToken justStarted = (ReplayToken) ReplayToken.createReplayToken(atReset, null);
        var halfway = justStarted.advancedTo(GapAwareTrackingToken.newInstance(750, List.of(586L)));

        assertThat(ProjectionCatchUp.passed(justStarted, 743)).isFalse();
        assertThat(ProjectionCatchUp.passed(halfway, 743)).isTrue();
        assertThat(ProjectionCatchUp.passed(halfway, 751)).isFalse();
    }
}
