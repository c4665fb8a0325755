package com.firmos.rest.consistency;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import com.firmos.rest.problem.ApiProblem;

/**
 * Lets at most {@code concurrency} requests of one kind run at once, the rest waiting in memory rather than in the
 * connection pool's queue, where a wait past the pool's timeout fails as if the database were gone.
 * <p>
 * Fair between tenants: one tenant runs at most {@code tenant-share} at once (the concurrency less two by default),
 * so another's request finds a permit at once, and freed permits go to the waiting tenants in turn, each tenant's
 * requests in arrival order. A tenant has at most {@code tenant-queue} requests waiting; one more is refused at once
 * rather than parked for the whole wait. A tenant with nothing running or waiting is forgotten, so memory grows with
 * the tenants active now, not with every tenant ever seen.
 */
public class FairAdmission {

    private final String what;
    private final int concurrency;
    private final int share;
    private final int queue;
    private final long waitNanos;

    private final ReentrantLock lock = new ReentrantLock();
    /** The tenants with a request running or waiting; guarded by {@link #lock}, as is all state below. */
    private final Map<String, Tenant> tenants = new HashMap<>();
    /** The tenants with a request waiting, in the order their turn comes. */
    private final ArrayDeque<Tenant> turns = new ArrayDeque<>();
    private int running;

    /** {@code settings} names the settings' prefix in the refusal of bad values, {@code what} the requests. */
    FairAdmission(String settings, String what, int concurrency, Integer share, int queue, Duration wait) {
        if (concurrency < 1 || share != null && share < 1 || queue < 0) {
            throw new IllegalArgumentException(settings + ": concurrency and tenant-share must be at least 1 and"
                    + " tenant-queue at least 0, not " + concurrency + ", " + share + ", " + queue);
        }
        this.what = what;
        this.concurrency = concurrency;
        this.share = Math.min(concurrency, share == null ? Math.max(1, concurrency - 2) : share);
        this.queue = queue;
        this.waitNanos = wait.toNanos();
    }

    /** A permit held: closing it hands it on. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /** Mutable state of one tenant's requests. */
    private static final class Tenant {
        private final String id;
        private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
        private int running;

        private Tenant(String id) {
            this.id = id;
        }
    }

    /** A request waiting for its permit; {@code granted} is set under the lock by the release that hands it one. */
    private static final class Waiter {
        private final Condition turn;
        private boolean granted;

        private Waiter(Condition turn) {
            this.turn = turn;
        }
    }

    /**
     * Runs the tenant's request once admitted. A request not admitted within the wait, or one beyond its tenant's
     * queue, is a 503 "server busy" and is not run.
     */
    public <T> T run(String tenantId, Supplier<T> request) {
        try (Permit permit = admit(tenantId)) {
            return request.get();
        }
    }

    /** Waits for a permit of the tenant, as {@link #run} does; the caller closes it when done. */
    public Permit admit(String tenantId) {
        Tenant tenant = enter(tenantId);
        // Closed twice (a filter's finally after an async dispatch's), a permit would free a place it does not hold.
        AtomicBoolean open = new AtomicBoolean(true);
        return () -> {
            if (open.compareAndSet(true, false)) {
                release(tenant);
            }
        };
    }

    /** How many of these requests may run at once. */
    public int concurrency() {
        return concurrency;
    }

    private Tenant enter(String tenantId) {
        lock.lock();
        try {
            Tenant tenant = tenants.computeIfAbsent(tenantId, Tenant::new);
            if (tenant.waiting.isEmpty() && tenant.running < share && running < concurrency) {
                grant(tenant);
                return tenant;
            }
            if (tenant.waiting.size() >= queue) {
                forgetIfIdle(tenant);
                throw ApiProblem.serverBusy("too many of this organization's " + what + " are waiting; retry in"
                        + " a moment; nothing was changed");
            }
            Waiter waiter = new Waiter(lock.newCondition());
            if (tenant.waiting.isEmpty()) {
                turns.addLast(tenant);
            }
            tenant.waiting.addLast(waiter);
            if (!admitted(tenant, waiter)) {
                throw busy();
            }
            return tenant;
        } finally {
            lock.unlock();
        }
    }

    /** Waits under the lock for the permit until the wait is over or the thread is interrupted. */
    private boolean admitted(Tenant tenant, Waiter waiter) {
        long left = waitNanos;
        try {
            while (!waiter.granted && left > 0) {
                left = waiter.turn.awaitNanos(left);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            if (waiter.granted) {
                // The permit came with the interrupt: hand it on, since this request will not run.
                release(tenant);
                return false;
            }
        }
        if (waiter.granted) {
            return true;
        }
        tenant.waiting.remove(waiter);
        if (tenant.waiting.isEmpty()) {
            turns.remove(tenant);
        }
        forgetIfIdle(tenant);
        return false;
    }

    private void release(Tenant tenant) {
        lock.lock();
        try {
            tenant.running--;
            running--;
            handOn();
            forgetIfIdle(tenant);
        } finally {
            lock.unlock();
        }
    }

    /** Gives free permits to the waiting tenants in turn, skipping those running their whole share. */
    private void handOn() {
        int skipped = 0;
        while (running < concurrency && skipped < turns.size()) {
            Tenant next = turns.pollFirst();
            if (next.running < share) {
                Waiter waiter = next.waiting.pollFirst();
                waiter.granted = true;
                grant(next);
                waiter.turn.signal();
                skipped = 0;
            } else {
                skipped++;
            }
            if (!next.waiting.isEmpty()) {
                turns.addLast(next);
            }
        }
    }

    private void grant(Tenant tenant) {
        tenant.running++;
        running++;
    }

    private void forgetIfIdle(Tenant tenant) {
        if (tenant.running == 0 && tenant.waiting.isEmpty()) {
            tenants.remove(tenant.id);
        }
    }

    /** How many tenants are remembered now: those with a request running or waiting. */
    int tenantsHeld() {
        lock.lock();
        try {
            return tenants.size();
        } finally {
            lock.unlock();
        }
    }

    /** How many requests wait for a permit now, of every tenant. */
    int waiting() {
        lock.lock();
        try {
            return tenants.values().stream().mapToInt(tenant -> tenant.waiting.size()).sum();
        } finally {
            lock.unlock();
        }
    }

    /** The pool ran full after this request stored a write: its retry must carry the same key or id. */
    public static ApiProblem busyAfterWrite() {
        return ApiProblem.serverBusy("the server is busy, retry in a moment with the same Idempotency-Key or id,"
                + " since part of this write may have been stored");
    }

    public static ApiProblem busy() {
        return ApiProblem.serverBusy("the server is busy, retry in a moment; nothing was changed");
    }
}
