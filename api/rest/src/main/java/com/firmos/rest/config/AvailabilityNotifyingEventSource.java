package com.firmos.rest.config;

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
 * The event store as a source whose streams announce new events. A pooled streaming processor whose stream
 * cannot announce events looks again every 500 ms, and the embedded JPA event store's streams cannot: that
 * poll was the whole latency of every projection. Here one watcher per source reads a stream of its own at the
 * head of the store, which the store wakes as soon as a transaction with events commits, and then calls every
 * processor's callback. It also calls them once a second regardless, for what the head stream cannot see: a
 * gap filled late by a slow transaction, or events appended by another node between the store's own polls.
 */
final class AvailabilityNotifyingEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(AvailabilityNotifyingEventSource.class);
    private static final int WAIT_SLICE_MILLIS = 100;
    private static final long SAFETY_TICK_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean watching = new AtomicBoolean();

    AvailabilityNotifyingEventSource(StreamableMessageSource<TrackedEventMessage<?>> store) {
        this.store = store;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
        return new NotifyingStream(store.openStream(token));
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

    private void register(Runnable callback) {
        callbacks.add(callback);
        if (watching.compareAndSet(false, true)) {
            Thread.ofVirtual().name("event-availability-watcher").start(this::watch);
        }
    }

    private void unregister(Runnable callback) {
        callbacks.remove(callback);
    }

    private void watch() {
        try (BlockingStream<TrackedEventMessage<?>> head = store.openStream(store.createHeadToken())) {
            long lastCall = System.nanoTime();
            while (!callbacks.isEmpty()) {
                boolean arrived = head.hasNextAvailable(WAIT_SLICE_MILLIS, TimeUnit.MILLISECONDS);
                while (head.hasNextAvailable()) {
                    head.nextAvailable();
                }
                if (arrived || System.nanoTime() - lastCall > SAFETY_TICK_NANOS) {
                    callbacks.forEach(Runnable::run);
                    lastCall = System.nanoTime();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException failure) {
            LOG.warn("Event availability watcher stopped; processors fall back to their own schedule", failure);
        } finally {
            watching.set(false);
            if (!callbacks.isEmpty() && !Thread.currentThread().isInterrupted()) {
                register(callbacks.iterator().next());
            }
        }
    }

    private final class NotifyingStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private volatile Runnable callback;

        NotifyingStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable onAvailable) {
            Runnable previous = callback;
            if (previous != null) {
                unregister(previous);
            }
            callback = onAvailable;
            register(onAvailable);
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            Runnable registered = callback;
            if (registered != null) {
                unregister(registered);
            }
            delegate.close();
        }
    }
}
