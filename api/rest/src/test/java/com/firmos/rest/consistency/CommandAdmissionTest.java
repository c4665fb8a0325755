package com.firmos.rest.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.firmos.rest.problem.ApiProblem;

/** The admission's bounds on its own: the share of one tenant, its queue, the wait and the order of turns. */
class CommandAdmissionTest {

    private static final Duration LONG_WAIT = Duration.ofSeconds(30);

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch finish = new CountDownLatch(1);

    @AfterEach
    void stop() {
        finish.countDown();
        threads.shutdownNow();
    }

    @Test
    void aTenantRunsNoMoreThanItsShareWhileAnotherFindsAPermitAtOnce() throws Exception {
        CommandAdmission admission = new CommandAdmission(4, null, 10, LONG_WAIT);
        AtomicInteger runningOfA = new AtomicInteger();
        AtomicInteger mostOfA = new AtomicInteger();
        List<CompletableFuture<?>> burst = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            burst.add(CompletableFuture.runAsync(() -> admission.run("a", () -> {
                mostOfA.accumulateAndGet(runningOfA.incrementAndGet(), Math::max);
                await(finish);
                return runningOfA.decrementAndGet();
            }), threads));
        }
        awaitUntil(() -> runningOfA.get() == 2);

        // The default share is the concurrency less two: B's command runs while A's burst holds its share.
        assertThat(admission.run("b", () -> "b ran")).isEqualTo("b ran");
        assertThat(mostOfA.get()).isEqualTo(2);

        finish.countDown();
        CompletableFuture.allOf(burst.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertThat(mostOfA.get()).isEqualTo(2);
        assertThat(admission.tenantsHeld()).isZero();
    }

    @Test
    void aCommandBeyondItsTenantsQueueIsRefusedAtOnceAndAnotherTenantStillQueues() throws Exception {
        CommandAdmission admission = new CommandAdmission(2, 1, 2, LONG_WAIT);
        AtomicInteger started = new AtomicInteger();
        List<CompletableFuture<?>> held = new ArrayList<>();
        // A runs one (its share) and queues two; B runs one, so the server is full.
        for (String tenant : List.of("a", "a", "a", "b")) {
            held.add(CompletableFuture.runAsync(() -> admission.run(tenant, () -> {
                started.incrementAndGet();
                return await(finish);
            }), threads));
        }
        awaitUntil(() -> started.get() == 2 && admission.waiting() == 2);

        long before = System.nanoTime();
        assertThatThrownBy(() -> admission.run("a", () -> "ran"))
                .isInstanceOfSatisfying(ApiProblem.class, busy -> {
                    assertThat(busy.code()).isEqualTo("server-busy");
                    assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(1));
                });
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(LONG_WAIT.dividedBy(2));
        CompletableFuture<String> ofC = CompletableFuture.supplyAsync(() -> admission.run("c", () -> "c ran"),
                threads);

        finish.countDown();
        assertThat(ofC.get(10, TimeUnit.SECONDS)).isEqualTo("c ran");
        CompletableFuture.allOf(held.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertThat(started.get()).isEqualTo(4);
        assertThat(admission.tenantsHeld()).isZero();
    }

    @Test
    void aCommandNotAdmittedWithinTheWaitIsRefusedAndForgotten() throws Exception {
        CommandAdmission admission = new CommandAdmission(1, null, 10, Duration.ofMillis(200));
        CountDownLatch running = new CountDownLatch(1);
        CompletableFuture<?> holder = CompletableFuture.runAsync(() -> admission.run("a", () -> {
            running.countDown();
            return await(finish);
        }), threads);
        running.await(10, TimeUnit.SECONDS);

        assertThatThrownBy(() -> admission.run("b", () -> "ran"))
                .isInstanceOfSatisfying(ApiProblem.class, busy -> assertThat(busy.code()).isEqualTo("server-busy"));
        assertThat(admission.tenantsHeld()).isEqualTo(1);

        finish.countDown();
        holder.get(10, TimeUnit.SECONDS);
        assertThat(admission.run("b", () -> "ran")).isEqualTo("ran");
        assertThat(admission.tenantsHeld()).isZero();
    }

    @Test
    void freedPermitsGoToTheWaitingTenantsInTurn() throws Exception {
        CommandAdmission admission = new CommandAdmission(1, null, 10, LONG_WAIT);
        CountDownLatch firstRuns = new CountDownLatch(1);
        ConcurrentLinkedQueue<String> order = new ConcurrentLinkedQueue<>();
        CompletableFuture<?> first = CompletableFuture.runAsync(() -> admission.run("a", () -> {
            firstRuns.countDown();
            return await(finish);
        }), threads);
        firstRuns.await(10, TimeUnit.SECONDS);
        List<CompletableFuture<?>> waiting = new ArrayList<>();
        // A queues three before B and C queue one each: B and C must not wait behind all of A's.
        for (String tenant : List.of("a1", "a2", "a3", "b", "c")) {
            String id = tenant.substring(0, 1);
            int queued = waiting.size() + 1;
            waiting.add(CompletableFuture.runAsync(() -> admission.run(id, () -> order.add(tenant)), threads));
            awaitUntil(() -> admission.waiting() == queued);
        }

        finish.countDown();
        first.get(10, TimeUnit.SECONDS);
        CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertThat(order).containsExactly("a1", "b", "c", "a2", "a3");
        assertThat(admission.tenantsHeld()).isZero();
    }

    @Test
    void aPermitClosedTwiceFreesOnlyTheOnePlaceItHeld() {
        CommandAdmission admission = new CommandAdmission(1, null, 10, Duration.ofMillis(200));
        FairAdmission.Permit first = admission.admit("a");
        first.close();
        FairAdmission.Permit second = admission.admit("a");

        first.close();

        assertThatThrownBy(() -> admission.run("b", () -> "ran"))
                .isInstanceOfSatisfying(ApiProblem.class, busy -> assertThat(busy.code()).isEqualTo("server-busy"));
        second.close();
        assertThat(admission.run("b", () -> "ran")).isEqualTo("ran");
        assertThat(admission.tenantsHeld()).isZero();
    }

    @Test
    void cannotBeConfiguredWithoutAPermitForATenant() {
        assertThatThrownBy(() -> new CommandAdmission(10, 0, 200, LONG_WAIT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CommandAdmission(0, null, 200, LONG_WAIT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within 10 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
