package com.firmos.platform.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A rebuild's parts run ahead of each other, each one's batches in order, and a failure ends the pass whole. */
class BulkReplayChainsTest {

    private final ExecutorService lanes = Executors.newFixedThreadPool(2);
    private final List<String> ran = new CopyOnWriteArrayList<>();
    private CompletableFuture<Void> first = CompletableFuture.completedFuture(null);
    private CompletableFuture<Void> second = CompletableFuture.completedFuture(null);

    @AfterEach
    void stopTheLanes() {
        lanes.shutdownNow();
    }

    @Test
    void aPartRunsItsBatchesInOrderWhileAnotherRunsAhead() throws Exception {
        CountDownLatch slow = new CountDownLatch(1);
        Deque<BulkReplay.Submitted> inFlight = new ArrayDeque<>();
        inFlight.add(batch(1, () -> await(slow), () -> { }));
        inFlight.add(batch(2, () -> { }, () -> { }));
        inFlight.add(batch(3, () -> { }, () -> { }));

        // The second part is through all three batches while the first is still in its first.
        second.get(5, TimeUnit.SECONDS);
        assertThat(ran).containsExactly("second 1", "second 2", "second 3");
        slow.countDown();

        assertThat(BulkReplay.settleOldest(inFlight).reached().getIndex()).isEqualTo(1);
        assertThat(BulkReplay.settleOldest(inFlight).reached().getIndex()).isEqualTo(2);
        assertThat(BulkReplay.settleOldest(inFlight).reached().getIndex()).isEqualTo(3);
        assertThat(ran.stream().filter(run -> run.startsWith("first"))).containsExactly("first 1", "first 2",
                "first 3");
    }

    @Test
    void aFailedBatchSkipsItsPartsLaterBatchesAndFailsOnlyOnceEveryBatchInFlightHasEnded() {
        CountDownLatch slow = new CountDownLatch(1);
        Deque<BulkReplay.Submitted> inFlight = new ArrayDeque<>();
        inFlight.add(batch(1, () -> { }, () -> { }));
        inFlight.add(batch(2, () -> {
            throw new IllegalStateException("batch 2 failed");
        }, () -> { }));
        inFlight.add(batch(3, () -> { }, () -> await(slow)));
        assertThat(BulkReplay.settleOldest(inFlight).reached().getIndex()).isEqualTo(1);
        Thread.ofPlatform().start(() -> {
            sleep();
            slow.countDown();
        });

        assertThatThrownBy(() -> BulkReplay.settleOldest(inFlight)).isInstanceOf(IllegalStateException.class)
                .hasMessage("batch 2 failed");

        // The other part's slow batch had ended before the failure was thrown; the failed part's next never ran.
        assertThat(second).isDone();
        assertThat(ran).contains("second 3").doesNotContain("first 3");
    }

    private BulkReplay.Submitted batch(int index, Runnable inFirst, Runnable inSecond) {
        first = BulkReplay.after(first, () -> {
            inFirst.run();
            ran.add("first " + index);
        }, lanes);
        second = BulkReplay.after(second, () -> {
            inSecond.run();
            ran.add("second " + index);
        }, lanes);
        return new BulkReplay.Submitted(GapAwareTrackingToken.newInstance(index, List.of()), List.of(first, second));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
