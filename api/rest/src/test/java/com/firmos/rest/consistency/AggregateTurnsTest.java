package com.firmos.rest.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.firmos.rest.problem.ApiProblem;

/** The per-aggregate turns on their own: one request at a time per aggregate, the wait, no deadlock. */
class AggregateTurnsTest {

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void aRequestNotGivenItsTurnWithinTheWaitIsServerBusyAndHoldsNoTurn() throws Exception {
        AggregateTurns turns = new AggregateTurns(Duration.ofMillis(200));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<?> holder = CompletableFuture.runAsync(() -> {
            try (AggregateTurns.Held held = turns.take(List.of("numbering"))) {
                holding.countDown();
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }, threads);
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> turns.take(List.of("invoice", "numbering")))
                .isInstanceOfSatisfying(ApiProblem.class, busy -> assertThat(busy.code()).isEqualTo("server-busy"));
        // The refused request gave back the invoice's turn it had taken.
        CompletableFuture.runAsync(() -> turns.take(List.of("invoice")).close(), threads).get(5, TimeUnit.SECONDS);

        release.countDown();
        holder.get(10, TimeUnit.SECONDS);
        turns.take(List.of("numbering", "invoice")).close();
        assertThat(turns.waiting()).isZero();
    }

    @Test
    void requestsNamingTheSameAggregatesInAnotherOrderDoNotWaitForEachOther() throws Exception {
        AggregateTurns turns = new AggregateTurns(Duration.ofSeconds(30));
        List<CompletableFuture<?>> requests = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            List<String> named = i % 2 == 0 ? List.of("a", "b") : List.of("b", "a");
            requests.add(CompletableFuture.runAsync(() -> turns.take(named).close(), threads));
        }

        CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        assertThat(turns.waiting()).isZero();
    }

    @Test
    void turnsClosedTwiceAreGivenBackOnce() {
        AggregateTurns turns = new AggregateTurns(Duration.ofSeconds(5));
        AggregateTurns.Held held = turns.take(List.of("invoice"));
        held.close();
        AggregateTurns.Held next = turns.take(List.of("invoice"));

        held.close();

        assertThat(turns.inUse()).as("the other request still holds the invoice's turn").isEqualTo(1);
        next.close();
        assertThat(turns.inUse()).isZero();
    }
}
