package com.firmos.rest.consistency;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Queues a request's command, in memory, behind the other requests' commands for the same aggregates before it is
 * admitted and takes a connection. A command's unit of work takes its connection when it starts, and only then
 * waits for the aggregates' locks: every issue of a tenant waits for the tenant's invoice numbering, so a burst of
 * issues held a connection (and an admission permit) each while one of them numbered. Here they wait holding
 * neither, in arrival order; the locks are then free when each one's turn comes. Keys are taken in sorted order, so
 * two requests never wait for each other.
 */
@Component
class AggregateTurns {

    private final ConcurrentHashMap<String, Turn> turns = new ConcurrentHashMap<>();
    private final long waitNanos;

    AggregateTurns(@Value("${firmos.commands.admission-wait:PT20S}") Duration wait) {
        this.waitNanos = wait.toNanos();
    }

    /** One aggregate's queue, forgotten once nobody holds or waits for it; {@code users} changes in the map only. */
    private static final class Turn {
        private final ReentrantLock lock = new ReentrantLock(true);
        private int users;
    }

    /** The turns a request holds: closing them lets the next request of each aggregate go. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Waits for the turn of every aggregate named; a request not given them all within the admission's wait is a
     * 503 "server busy", holding none.
     */
    Held take(Collection<String> aggregateIds) {
        List<String> keys = aggregateIds.stream().distinct().sorted().toList();
        long deadline = System.nanoTime() + waitNanos;
        int taken = 0;
        try {
            for (String key : keys) {
                if (!acquire(key, deadline - System.nanoTime())) {
                    throw FairAdmission.busy();
                }
                taken++;
            }
        } finally {
            if (taken < keys.size()) {
                keys.subList(0, taken).forEach(this::release);
            }
        }
        AtomicBoolean open = new AtomicBoolean(true);
        return () -> {
            if (open.compareAndSet(true, false)) {
                keys.forEach(this::release);
            }
        };
    }

    private boolean acquire(String key, long nanos) {
        Turn turn = turns.compute(key, (id, existing) -> {
            Turn used = existing == null ? new Turn() : existing;
            used.users++;
            return used;
        });
        boolean acquired = false;
        try {
            acquired = turn.lock.tryLock(Math.max(0, nanos), TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } finally {
            if (!acquired) {
                leave(key);
            }
        }
        return acquired;
    }

    private void release(String key) {
        turns.get(key).lock.unlock();
        leave(key);
    }

    private void leave(String key) {
        turns.computeIfPresent(key, (id, turn) -> --turn.users == 0 ? null : turn);
    }

    /** How many requests wait for a turn now, of every aggregate. */
    int waiting() {
        return turns.values().stream().mapToInt(turn -> turn.lock.getQueueLength()).sum();
    }

    /** How many aggregates have a request holding or waiting for their turn now. */
    int inUse() {
        return turns.size();
    }
}
