package com.firmos.platform.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class ForegroundReadsTest {

    private final ForegroundReads reads = new ForegroundReads();

    @Test
    void aCatchUpGoesOnAtOnceWhenNoReadRuns() {
        assertThat(reads.awaitQuiet(Duration.ofSeconds(5))).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aCatchUpWaitsForTheRunningReadAndGoesOnWhenItEnds() throws Exception {
        ForegroundReads.Read read = reads.enter();
        CompletableFuture<Duration> waited = CompletableFuture.supplyAsync(() -> reads.awaitQuiet(
                Duration.ofSeconds(30)));
        Thread.sleep(200);
        assertThat(waited).isNotDone();
        read.close();
        assertThat(waited.get(5, TimeUnit.SECONDS)).isBetween(Duration.ofMillis(200), Duration.ofSeconds(5));
    }

    @Test
    void aCatchUpWaitsNoLongerThanItsPauseWhileReadsKeepRunning() {
        try (ForegroundReads.Read read = reads.enter()) {
            assertThat(reads.awaitQuiet(Duration.ofMillis(100))).isBetween(Duration.ofMillis(100),
                    Duration.ofSeconds(5));
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
