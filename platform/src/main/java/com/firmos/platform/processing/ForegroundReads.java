package com.firmos.platform.processing;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.stereotype.Component;

/**
 * The reads of the API being answered on this node now, for a bulk catch-up to give way to: a catch-up on two
 * cores takes both (its lane and PostgreSQL), and a dashboard read that shares them with a whole catch-up waits for
 * it. Between two batches the catch-up waits until no read runs, for at most a bounded pause
 * ({@link BulkReplay#catchUp}), so a read shares the cores with one batch at most and the catch-up still moves
 * under a steady stream of them.
 */
@Component
public class ForegroundReads {

    /** A read's place among those running; closing it twice gives back one place. */
    public interface Read extends AutoCloseable {
        @Override
        void close();
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition quiet = lock.newCondition();
    private int running;

    /** Counts a read as running until the answer's {@link Read#close}. */
    public Read enter() {
        lock.lock();
        try {
            running++;
        } finally {
            lock.unlock();
        }
        AtomicBoolean open = new AtomicBoolean(true);
        return () -> {
            if (open.compareAndSet(true, false)) {
                leave();
            }
        };
    }

    private void leave() {
        lock.lock();
        try {
            if (--running == 0) {
                quiet.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** How many reads run now. */
    public int running() {
        lock.lock();
        try {
            return running;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until no read runs or {@code atMost} has passed, whichever comes first; answers how long it waited.
     * An interrupt ends the wait and stays set for the caller.
     */
    public Duration awaitQuiet(Duration atMost) {
        long started = System.nanoTime();
        long left = atMost.toNanos();
        lock.lock();
        try {
            while (running > 0 && left > 0) {
                left = quiet.awaitNanos(left);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
