package com.firmos.platform.processing;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event store as a source whose streams announce new events, so processors need not poll every 500 ms. One
 * watcher per node reads the head of the store and wakes every processor when events commit, and every 250 ms
 * regardless, for gaps filled late or wake-ups missed.
 *
 * <p>Every quiet 100 ms it also reads the store's highest index: the head stream can go blind across a gap that
 * never closed (AxonFramework issues 1037 and 1193). Each stream keeps its own processor's callback, so a stream
 * closed after an outage cannot take a newer stream's wake-ups with it.
 *
 * <p>A processor more than {@link #MAX_LAG} events behind the head gets a stream of its own, so that it does not
 * keep the shared reader's cache of fetched events alive; it returns to the shared reader once caught up.
 */
final class AvailabilityNotifyingEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(AvailabilityNotifyingEventSource.class);
    private static final int WAIT_SLICE_MILLIS = 100;
    /** Bounds the wait of a write whose wake-up was missed (see the class comment); four idle rounds a second. */
    private static final long SAFETY_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    private static final long RESTART_PAUSE_MILLIS = 1_000;
    private static final long LAG_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(WAIT_SLICE_MILLIS);
    static final long MAX_LAG = 10_000;

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final Set<NotifyingStream> streams = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean watching = new AtomicBoolean();

    AvailabilityNotifyingEventSource(StreamableMessageSource<TrackedEventMessage<?>> store) {
        this.store = store;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
        NotifyingStream stream = new NotifyingStream(token);
        streams.add(stream);
        return stream;
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }

    private void watchWhileStreamsAreOpen() {
        if (watching.compareAndSet(false, true)) {
            Thread.ofVirtual().name("event-availability-watcher").start(this::watch);
        }
    }

    private void wakeAll() {
        streams.forEach(NotifyingStream::wake);
    }

    private void watch() {
        BlockingStream<TrackedEventMessage<?>> head = null;
        try {
            TrackingToken start = store.createHeadToken();
            head = store.openStream(start);
            long headPosition = position(start);
            long lastCall = System.nanoTime();
            long lastLagCheck = System.nanoTime();
            while (!streams.isEmpty()) {
                boolean arrived = head.hasNextAvailable(WAIT_SLICE_MILLIS, TimeUnit.MILLISECONDS);
                while (head.hasNextAvailable()) {
                    headPosition = Math.max(headPosition, position(head.nextAvailable().trackingToken()));
                    lastLagCheck = releaseLaggardsAtMostEveryCheck(headPosition, lastLagCheck);
                }
                // Asked only after a quiet slice: a head stream that sees the commits makes the query unnecessary.
                long stored = arrived ? headPosition : position(store.createHeadToken());
                if (stored > headPosition) {
                    headPosition = stored;
                    arrived = true;
                }
                lastLagCheck = releaseLaggardsAtMostEveryCheck(headPosition, lastLagCheck);
                if (arrived || System.nanoTime() - lastCall > SAFETY_TICK_NANOS) {
                    wakeAll();
                    lastCall = System.nanoTime();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException failure) {
            LOG.warn("Event availability watcher failed; it starts again in a second", failure);
            pauseBeforeRestart();
        } finally {
            if (head != null) {
                head.close();
            }
            watching.set(false);
            if (!streams.isEmpty() && !Thread.currentThread().isInterrupted()) {
                watchWhileStreamsAreOpen();
            }
        }
    }

    /** The database may be away: wake the processors so that they find out, and do not spin meanwhile. */
    private void pauseBeforeRestart() {
        try {
            wakeAll();
            Thread.sleep(RESTART_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Returns when the laggards were last looked for: not after every commit, which would contend on streams. */
    private long releaseLaggardsAtMostEveryCheck(long headPosition, long lastCheck) {
        if (System.nanoTime() - lastCheck < LAG_CHECK_NANOS) {
            return lastCheck;
        }
        streams.forEach(stream -> stream.releaseIfBehind(headPosition));
        return System.nanoTime();
    }

    private static long position(TrackingToken token) {
        return token == null ? -1L : token.position().orElse(-1L);
    }

    private final class NotifyingStream implements BlockingStream<TrackedEventMessage<?>> {

        private BlockingStream<TrackedEventMessage<?>> delegate;
        private TrackingToken lastToken;
        private volatile long position;
        private long releasedAt = Long.MIN_VALUE / 2;
        private volatile Runnable callback;

        NotifyingStream(TrackingToken start) {
            this.delegate = store.openStream(start);
            this.lastToken = start;
            this.position = position(start);
        }

        /** Reopens the stream where it stands when it has fallen far behind, unless it did so since then. */
        synchronized void releaseIfBehind(long headPosition) {
            if (headPosition - position > MAX_LAG && position - releasedAt > MAX_LAG) {
                delegate.close();
                delegate = store.openStream(lastToken);
                releasedAt = position;
            }
        }

        void wake() {
            Runnable registered = callback;
            if (registered != null) {
                registered.run();
            }
        }

        @Override
        public boolean setOnAvailableCallback(Runnable onAvailable) {
            callback = onAvailable;
            watchWhileStreamsAreOpen();
            return true;
        }

        @Override
        public synchronized Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public synchronized boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public synchronized TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            TrackedEventMessage<?> next = delegate.nextAvailable();
            lastToken = next.trackingToken();
            position = position(lastToken);
            return next;
        }

        @Override
        public synchronized void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public synchronized void close() {
            streams.remove(this);
            callback = null;
            delegate.close();
        }
    }
}
