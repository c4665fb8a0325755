package com.firmos.rest.consistency;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.firmos.rest.problem.ApiProblem;

/**
 * Fills one tenant's share of the admission and its whole queue with commands that wait until closed, so that the
 * tenant's next command is refused at once as server-busy; the other tenants are untouched.
 */
public final class CrowdedTenant implements AutoCloseable {

    private static final long PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch release = new CountDownLatch(1);

    private CrowdedTenant() {
    }

    public static CrowdedTenant crowd(CommandAdmission admission, String tenant) throws InterruptedException {
        CrowdedTenant crowded = new CrowdedTenant();
        AtomicInteger running = new AtomicInteger();
        long deadline = System.nanoTime() + PATIENCE_NANOS;
        for (int sent = 1; ; sent++) {
            int waitingBefore = admission.waiting();
            int runningBefore = running.get();
            CompletableFuture<Boolean> command = CompletableFuture.supplyAsync(() -> admission.run(tenant, () -> {
                running.incrementAndGet();
                return crowded.awaitRelease();
            }), crowded.threads);
            // Each command either runs, waits in the queue, or (the queue full) is refused at once.
            while (running.get() == runningBefore && admission.waiting() == waitingBefore && !command.isDone()) {
                if (System.nanoTime() > deadline) {
                    crowded.close();
                    throw new IllegalStateException("the tenant's queue did not fill after " + sent + " commands");
                }
                Thread.sleep(1);
            }
            if (command.isCompletedExceptionally() && refused(command.exceptionNow())) {
                return crowded;
            }
        }
    }

    private static boolean refused(Throwable failure) {
        Throwable cause = failure instanceof CompletionException wrapped && wrapped.getCause() != null
                ? wrapped.getCause() : failure;
        return cause instanceof ApiProblem busy && "server-busy".equals(busy.code());
    }

    private boolean awaitRelease() {
        try {
            return release.await(PATIENCE_NANOS, TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        release.countDown();
        threads.close();
    }
}
