package com.firmos.platform.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.junit.jupiter.api.Test;

class ProjectionCatchUpTest {

    /** Pauses of a minute: only the commit's announcement can end the wait within the test's bound. */
    @Test
    void aWaitingWriteLooksAgainAsSoonAsABatchCommits() throws Exception {
        ProjectionCatchUp catchUp = new ProjectionCatchUp(null, null, null, null, Duration.ofMinutes(2), 60_000,
                60_000);
        // Within the first 20 ms, where a waiter listens for commits.
        AtomicBoolean applied = new AtomicBoolean();
        AtomicInteger looks = new AtomicInteger();
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> catchUp.awaitCondition(() -> {
            looks.incrementAndGet();
            return applied.get();
        }));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (looks.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        Thread.sleep(5);

        applied.set(true);
        catchUp.batchCommitted();

        assertThat(waiting.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(looks).hasValue(2);
    }

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
