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
 * The event store as a source whose streams announce new events. A pooled streaming processor whose stream cannot
 * announce events looks again every 500 ms, and private streams of the store cannot: that poll would be the whole
 * latency of every projection. Here every processor's callback runs as soon as a transaction with events commits on
 * this node, and once a second regardless, for what a commit here cannot tell: events appended by another node, or
 * a gap filled late by a slow transaction.
 */
final class AvailabilityNotifyingEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(AvailabilityNotifyingEventSource.class);
    private static final Duration SAFETY_TICK = Duration.ofSeconds(1);

    private final CommitNotifyingEventStore store;
    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private final Runnable notifyAll = this::notifyAllCallbacks;
    private final AtomicBoolean ticking = new AtomicBoolean();

    AvailabilityNotifyingEventSource(CommitNotifyingEventStore store) {
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
        store.onCommit(notifyAll);
        if (ticking.compareAndSet(false, true)) {
            Thread.ofVirtual().name("event-availability-tick").start(this::tick);
        }
    }

    private void unregister(Runnable callback) {
        callbacks.remove(callback);
        if (callbacks.isEmpty()) {
            store.removeCommitListener(notifyAll);
        }
    }

    private void notifyAllCallbacks() {
        callbacks.forEach(Runnable::run);
    }

    private void tick() {
        try {
            while (!callbacks.isEmpty()) {
                Thread.sleep(SAFETY_TICK);
                notifyAllCallbacks();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException failure) {
            LOG.warn("Event availability tick stopped; processors still wake on this node's commits", failure);
        } finally {
            ticking.set(false);
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
