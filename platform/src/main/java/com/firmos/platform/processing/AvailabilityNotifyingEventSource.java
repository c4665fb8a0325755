package com.firmos.platform.processing;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

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
 * <p>While any processor is more than {@link #MAX_LAG} events behind the head, every stream, the watcher's too,
 * reads through {@code privateReads}, a store that fetches a batch at a time per stream; once every processor is
 * within {@link #JOIN_LAG} of the head, they all return to the shared reader, which fetches once for all of them.
 * The shared reader fetches ahead for whoever tails it, and a consumer that falls behind keeps the events fetched
 * since alive (AxonFramework issue 2954): with it, a catch-up of a million events ran a 512 MiB heap out.
 */
final class AvailabilityNotifyingEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(AvailabilityNotifyingEventSource.class);
    private static final int WAIT_SLICE_MILLIS = 100;
    /** Bounds the wait of a write whose wake-up was missed (see the class comment); four idle rounds a second. */
    private static final long SAFETY_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    private static final long RESTART_PAUSE_MILLIS = 1_000;
    private static final long LAG_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(WAIT_SLICE_MILLIS);
    static final long MAX_LAG = 10_000;
    static final long JOIN_LAG = 1_000;

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final StreamableMessageSource<TrackedEventMessage<?>> privateReads;
    private final Set<NotifyingStream> streams = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean watching = new AtomicBoolean();
    /** Whether streams read privately: set by the watcher from the lags it sees, and by a stream opened far behind. */
    private volatile boolean privateMode;
    private final BooleanSupplier bulkReplayRunning;

    AvailabilityNotifyingEventSource(StreamableMessageSource<TrackedEventMessage<?>> store,
            StreamableMessageSource<TrackedEventMessage<?>> privateReads, BooleanSupplier bulkReplayRunning) {
        this.store = store;
        this.privateReads = privateReads;
        this.bulkReplayRunning = bulkReplayRunning;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
        if (position(store.createHeadToken()) - position(token) > MAX_LAG) {
            privateMode = true;
        }
        NotifyingStream stream = new NotifyingStream(token, privateMode);
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
            boolean headPrivate = privateMode;
            head = source(headPrivate).openStream(start);
            long headPosition = position(start);
            long lastCall = System.nanoTime();
            long lastLagCheck = System.nanoTime();
            while (!streams.isEmpty()) {
                boolean arrived = head.hasNextAvailable(WAIT_SLICE_MILLIS, TimeUnit.MILLISECONDS);
                while (head.hasNextAvailable() && headPrivate == privateMode) {
                    headPosition = Math.max(headPosition, position(head.nextAvailable().trackingToken()));
                    lastLagCheck = followModeAtMostEveryCheck(headPosition, lastLagCheck);
                }
                // Asked only after a quiet slice: a head stream that sees the commits makes the query unnecessary.
                long stored = arrived ? headPosition : position(store.createHeadToken());
                if (stored > headPosition) {
                    headPosition = stored;
                    arrived = true;
                }
                lastLagCheck = followModeAtMostEveryCheck(headPosition, lastLagCheck);
                if (headPrivate != privateMode) {
                    // The watcher needs the head, not every event up to it: it starts again from there.
                    head.close();
                    headPrivate = privateMode;
                    TrackingToken now = store.createHeadToken();
                    head = source(headPrivate).openStream(now);
                    headPosition = Math.max(headPosition, position(now));
                }
                if (arrived || System.nanoTime() - lastCall > SAFETY_TICK_NANOS) {
                    wakeAll();
                    lastCall = System.nanoTime();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException failure) {
            if (streams.isEmpty()) {
                // Every processor has closed its stream: the application is stopping, and the store with it.
                LOG.debug("Event availability watcher stopped by a failure after its last stream closed", failure);
                return;
            }
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

    private StreamableMessageSource<TrackedEventMessage<?>> source(boolean readPrivately) {
        return readPrivately ? privateReads : store;
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

    /** Returns when the lags were last looked at: not after every commit, which would contend on the streams. */
    private long followModeAtMostEveryCheck(long headPosition, long lastCheck) {
        if (System.nanoTime() - lastCheck < LAG_CHECK_NANOS) {
            return lastCheck;
        }
        boolean wasPrivate = privateMode;
        // While a bulk replay holds the projections stopped, the streams left (sagas) tail a store that may be
        // filling fast: the shared reader's fetch-ahead is what ran the heap out, so they keep reading privately.
        if (bulkReplayRunning.getAsBoolean()
                || streams.stream().anyMatch(stream -> headPosition - stream.position > MAX_LAG)) {
            privateMode = true;
        } else if (streams.stream().allMatch(stream -> headPosition - stream.position < JOIN_LAG)) {
            privateMode = false;
        }
        if (wasPrivate != privateMode) {
            LOG.info(privateMode ? "A processor is more than {} events behind the head ({}), or replayed in bulk:"
                    + " every processor reads the store on its own until all are caught up"
                    : "Every processor is within {} events of the head ({}): they share one reader again",
                    privateMode ? MAX_LAG : JOIN_LAG, headPosition);
        }
        boolean readPrivately = privateMode;
        streams.forEach(stream -> stream.follow(readPrivately));
        return System.nanoTime();
    }

    private static long position(TrackingToken token) {
        return token == null ? -1L : token.position().orElse(-1L);
    }

    private final class NotifyingStream implements BlockingStream<TrackedEventMessage<?>> {

        private BlockingStream<TrackedEventMessage<?>> delegate;
        private TrackingToken lastToken;
        private volatile long position;
        private final ReentrantLock lock = new ReentrantLock();
        private volatile boolean readingPrivately;
        private volatile Runnable callback;

        NotifyingStream(TrackingToken start, boolean readPrivately) {
            this.readingPrivately = readPrivately;
            this.delegate = source(readPrivately).openStream(start);
            this.lastToken = start;
            this.position = position(start);
        }

        /** Reopens the stream where it stands on the other reader; skipped while its processor reads it. */
        void follow(boolean readPrivately) {
            if (readPrivately == readingPrivately || !lock.tryLock()) {
                return;
            }
            try {
                delegate.close();
                readingPrivately = readPrivately;
                delegate = source(readPrivately).openStream(lastToken);
            } finally {
                lock.unlock();
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
        public Optional<TrackedEventMessage<?>> peek() {
            lock.lock();
            try {
                return delegate.peek();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            lock.lockInterruptibly();
            try {
                return delegate.hasNextAvailable(timeout, unit);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            lock.lockInterruptibly();
            try {
                TrackedEventMessage<?> next = delegate.nextAvailable();
                lastToken = next.trackingToken();
                position = position(lastToken);
                return next;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            lock.lock();
            try {
                delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void close() {
            streams.remove(this);
            callback = null;
            lock.lock();
            try {
                delegate.close();
            } finally {
                lock.unlock();
            }
        }
    }
}
