package com.firmos.platform.projections;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Looks every {@code firmos.projections.bulk-catch-up.check-every} for projections of this node that stand more
 * than {@code firmos.projections.bulk-catch-up.behind} events behind the head and catches them up in bulk
 * ({@link Projections#catchUpInBulk}): a node started far behind, or a large import, is back in minutes without
 * a flag or a restart. Runs after the processors start and stops before they do.
 */
@Component
class BulkCatchUp implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(BulkCatchUp.class);

    private final Projections projections;
    private final long behind;
    private final Duration every;
    private ScheduledExecutorService checks;

    BulkCatchUp(Projections projections, @Value("${firmos.projections.bulk-catch-up.behind:20000}") long behind,
            @Value("${firmos.projections.bulk-catch-up.check-every:PT5S}") Duration every) {
        this.projections = projections;
        this.behind = behind;
        this.every = every;
    }

    @Override
    public synchronized void start() {
        try {
            projections.createMissingIndexes();
        } catch (RuntimeException failed) {
            LOG.warn("Could not build the indexes a stopped rebuild left to build; the next rebuild does", failed);
        }
        checks = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("bulk-catch-up").daemon().factory());
        checks.scheduleWithFixedDelay(this::check, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void check() {
        try {
            projections.catchUpInBulk(behind);
        } catch (RuntimeException failed) {
            LOG.warn("Could not look for projections far behind; looking again in {}", every, failed);
        }
    }

    @Override
    public synchronized void stop() {
        if (checks != null) {
            checks.shutdownNow();
            checks = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return checks != null;
    }

    @Override
    public int getPhase() {
        // After every other lifecycle has started (the event processors among them), and stopped before them.
        return Integer.MAX_VALUE - 100;
    }
}
