package com.firmos.rest.consistency;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.firmos.rest.problem.ApiProblem;

/**
 * Lets at most {@code firmos.commands.concurrency} commands run at once, the rest waiting in turn in memory: a
 * command holds a pooled connection for its whole unit of work, also while it waits for an aggregate's lock (every
 * issue of a tenant waits for its invoice numbering), so a burst let through would hold the whole pool and leave
 * the reads, the idempotency store and the projections none. Kept below the pool size for them.
 */
@Component
public class CommandAdmission {

    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final Semaphore permits;
    private final Duration wait;

    CommandAdmission(@Value("${firmos.commands.concurrency:10}") int concurrency,
            @Value("${firmos.commands.admission-wait:PT20S}") Duration wait) {
        // Fair: a burst is served in arrival order, so no command starves behind later ones.
        this.permits = new Semaphore(concurrency, true);
        this.wait = wait;
    }

    /** Runs the command once admitted; a command not admitted within the wait is a 503 "server busy". */
    public <T> T run(Supplier<T> command) {
        boolean admitted;
        try {
            admitted = permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            throw busy();
        }
        try {
            return command.get();
        } finally {
            permits.release();
        }
    }

    /** The pool ran full after this request stored a write: its retry must carry the same key or id. */
    public static ApiProblem busyAfterWrite() {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "server-busy", null, "the server is busy, retry in a"
                + " moment with the same Idempotency-Key or id, since part of this write may have been stored",
                RETRY_AFTER);
    }

    public static ApiProblem busy() {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "server-busy", null,
                "the server is busy, retry in a moment; nothing was changed", RETRY_AFTER);
    }
}
