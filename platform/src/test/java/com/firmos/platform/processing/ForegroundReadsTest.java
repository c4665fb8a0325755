package com.firmos.platform.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ForegroundReadsTest {

    private final ForegroundReads reads = new ForegroundReads();

    @Test
    void aCatchUpGoesOnAtOnceWhenNoReadRuns() {
        assertThat(reads.awaitQuiet(Duration.ofMinutes(1))).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void aCatchUpWaitsForTheRunningReadAndGoesOnWhenItEnds() throws Exception {
        ForegroundReads.Read read = reads.enter();
        CompletableFuture<Duration> waited = new CompletableFuture<>();
        Thread waiter = Thread.ofPlatform().start(() -> waited.complete(reads.awaitQuiet(Duration.ofMinutes(1))));
        while (waiter.getState() != Thread.State.TIMED_WAITING) {
            Thread.onSpinWait();
        }

        assertThat(waited).isNotDone();
        read.close();
        assertThat(waited.get(20, TimeUnit.SECONDS)).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void aCatchUpWaitsItsWholePauseWhileAReadRuns() {
        try (ForegroundReads.Read read = reads.enter()) {
            // The wait counts down to its end: a pause never ends early while reads keep running.
            assertThat(reads.awaitQuiet(Duration.ofMillis(100))).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        }
    }

    @Test
    void aReadClosedTwiceGivesBackOnePlace() {
        ForegroundReads.Read first = reads.enter();
        ForegroundReads.Read second = reads.enter();
        first.close();
        first.close();
        assertThat(reads.running()).isEqualTo(1);
        second.close();
        assertThat(reads.running()).isZero();
    }
}
