package com.firmos.platform.consistency;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Waits until the streaming processors have passed an aggregate's latest event. Projections stay asynchronous
 * (they can be replayed and scaled out), yet a client that got a 2xx reads its own write: the wait happens
 * before the 2xx, on the processors' in-memory status, and costs one indexed query. A processor whose segments are
 * partly held by another node is read from the token store, where a segment's position commits with its rows.
 */
@Component
public class ProjectionCatchUp {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionCatchUp.class);
    private static final long FIRST_PAUSE_MILLIS = 1;
    private static final long LONGEST_PAUSE_MILLIS = 25;
    /** Projections apply a write within milliseconds; until then a doubling pause would mostly overshoot. */
    private static final long STEADY_POLLING_NANOS = 20_000_000;
    private static final long SLOW_WAIT_NANOS = 250_000_000;

    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;
    private final EventStore events;
    private final SharedTokens sharedTokens;
    private final Duration timeout;
    private final long firstPauseMillis;
    private final long longestPauseMillis;
    private final Map<String, Optional<Class<?>>> payloadTypes = new ConcurrentHashMap<>();
    /** Counts the processors' committed batches on this node; a waiter sleeps only while it stands still. */
    private final AtomicLong batches = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition committed = lock.newCondition();

    @Autowired
    ProjectionCatchUp(EventProcessingConfiguration processing, JdbcClient jdbc, EventStore events,
            SharedTokens sharedTokens, @Value("${firmos.read-your-writes.timeout:PT10S}") Duration timeout) {
        this(processing, jdbc, events, sharedTokens, timeout, FIRST_PAUSE_MILLIS, LONGEST_PAUSE_MILLIS);
    }

    /** With the pauses given: a test's wait that only a commit's announcement can end. */
    ProjectionCatchUp(EventProcessingConfiguration processing, JdbcClient jdbc, EventStore events,
            SharedTokens sharedTokens, Duration timeout, long firstPauseMillis, long longestPauseMillis) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.events = events;
        this.sharedTokens = sharedTokens;
        this.timeout = timeout;
        this.firstPauseMillis = firstPauseMillis;
        this.longestPauseMillis = longestPauseMillis;
    }

    /**
     * Called once a streaming processor's batch on this node has committed and its status moved: the writes
     * waiting for it look again at once instead of at their next poll.
     */
    public void batchCommitted() {
        batches.incrementAndGet();
        lock.lock();
        try {
            committed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public void awaitAggregate(String aggregateId) {
        jdbc.sql("""
                SELECT sequence_number, global_index, payload_type FROM domain_event_entry
                WHERE aggregate_identifier = :id ORDER BY sequence_number DESC LIMIT 1""")
                .param("id", aggregateId)
                .query((row, n) -> new Latest(aggregateId, row.getLong(1), row.getLong(2), row.getString(3)))
                .optional()
                .ifPresent(this::awaitPosition);
    }

    private record Latest(String aggregateId, long sequence, long index, String payloadType) {
    }

    /**
     * Waits, within the same bound, for a condition the read side will come to meet: the outcome of a saga's
     * commands, which follow the write asynchronously. Returns whether it was met.
     */
    public boolean awaitCondition(BooleanSupplier condition) {
        return poll(condition);
    }

    /** Only processors with a handler for the event's type can change a read table because of it. */
    private void awaitPosition(Latest latest) {
        Class<?> type = payloadClass(latest.payloadType()).orElse(null);
        List<StreamingEventProcessor> processors = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .filter(processor -> type == null || !(processor instanceof AbstractEventProcessor handling)
                        || handling.eventHandlerInvoker().canHandleType(type))
                .map(StreamingEventProcessor.class::cast)
                .toList();
        Supplier<EventMessage<?>> event = loadedOnce(latest);
        long started = System.nanoTime();
        AtomicReference<String> behind = new AtomicReference<>();
        boolean reached = poll(() -> {
            for (StreamingEventProcessor processor : processors) {
                if (!covers(processor, latest.index(), event)) {
                    behind.set(processor.getName());
                    return false;
                }
            }
            return true;
        });
        if (!reached) {
            LOG.warn("Projection {} did not reach {} within {}; answering before it caught up", behind.get(),
                    latest.index(), timeout);
        } else if (LOG.isDebugEnabled() && System.nanoTime() - started > SLOW_WAIT_NANOS) {
            LOG.debug("Waited {} ms for projections to reach {} ({}); the last one behind: {}",
                    (System.nanoTime() - started) / 1_000_000, latest.index(), latest.payloadType(), behind.get());
        }
    }

    /** The event is read from the store only if a processor's segment for it is held by another node. */
    private Supplier<EventMessage<?>> loadedOnce(Latest latest) {
        AtomicReference<EventMessage<?>> loaded = new AtomicReference<>();
        return () -> loaded.updateAndGet(event -> event != null ? event
                : events.readEvents(latest.aggregateId(), latest.sequence()).asStream().findFirst().orElseThrow());
    }

    /**
     * For its first 20 ms a waiter looks again after each batch a processor of this node commits, and at least
     * every millisecond; then at doubling pauses, which bound the wait for what no local commit announces
     * (another node's segments, a saga's outcome).
     */
    private boolean poll(BooleanSupplier condition) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        long pause = firstPauseMillis;
        while (true) {
            long seen = batches.get();
            if (condition.getAsBoolean()) {
                return true;
            }
            long now = System.nanoTime();
            if (now > deadline) {
                return false;
            }
            if (now - started > STEADY_POLLING_NANOS) {
                // Past the first 20 ms, a waiter looks only at its pauses: a look on every commit of every
                // processor, for each waiter, would cost more than it gains (a saga's outcome is a query).
                sleep(pause);
                pause = Math.min(pause * 2, longestPauseMillis);
            } else {
                awaitBatch(seen, pause);
            }
        }
    }

    /** Returns at the next committed batch after {@code seen}, or after the pause. */
    private void awaitBatch(long seen, long pauseMillis) {
        lock.lock();
        try {
            if (batches.get() == seen) {
                committed.awaitNanos(TimeUnit.MILLISECONDS.toNanos(pauseMillis));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for projections", e);
        } finally {
            lock.unlock();
        }
    }

    /** A type no class has any more (renamed, read through an upcaster) waits for every processor. */
    private Optional<Class<?>> payloadClass(String name) {
        return payloadTypes.computeIfAbsent(name, unused -> {
            try {
                return Optional.of(Class.forName(name));
            } catch (ClassNotFoundException unknown) {
                return Optional.empty();
            }
        });
    }

    private boolean covers(StreamingEventProcessor processor, long target, Supplier<EventMessage<?>> event) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        double claimedShare = status.values().stream()
                .mapToDouble(segment -> 1.0 / (segment.getSegment().getMask() + 1))
                .sum();
        if (claimedShare < 1.0 && processor instanceof AbstractEventProcessor handling) {
            return sharedTokens.passed(processor.getName(), handling.eventHandlerInvoker(), event.get(), target);
        }
        return claimedShare >= 1.0 && status.values().stream().allMatch(segment -> {
            TrackingToken token = segment.getTrackingToken();
            return token != null && passed(token, target);
        });
    }

    /**
     * Whether the token has handled the event at {@code index}. Not {@code covers}: that also demands that every
     * gap below the index be closed, and a gap left by a rolled-back insert or a deleted event never closes, so
     * every later write would wait out the whole timeout.
     */
    static boolean passed(TrackingToken token, long index) {
        TrackingToken current = WrappedToken.unwrapLowerBound(token);
        if (current instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= index && !gapAware.getGaps().contains(index);
        }
        return current != null && current.position().orElse(-1) >= index;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for projections", e);
        }
    }
}
