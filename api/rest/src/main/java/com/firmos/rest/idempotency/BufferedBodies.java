package com.firmos.rest.idempotency;

import java.util.concurrent.Semaphore;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The memory all POST bodies held at once may take. Each body is capped by its route, but requests are not
 * counted (virtual threads): without a total, a few hundred slow 1 MiB bodies would fill the heap.
 */
@Component
class BufferedBodies {

    private static final int KIB = 1024;

    private final Semaphore kibibytes;

    BufferedBodies(@Value("${firmos.http.buffered-bodies:64MB}") DataSize budget) {
        this.kibibytes = new Semaphore((int) Math.max(1, budget.toBytes() / KIB));
    }

    /** Reserves room for a body of at most {@code bytes}; false when the budget is spent. */
    boolean reserve(long bytes) {
        return kibibytes.tryAcquire(permits(bytes));
    }

    void release(long bytes) {
        kibibytes.release(permits(bytes));
    }

    private static int permits(long bytes) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (bytes + KIB - 1) / KIB));
    }
}
