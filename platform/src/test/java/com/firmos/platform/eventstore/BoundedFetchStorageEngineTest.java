package com.firmos.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;

class BoundedFetchStorageEngineTest {

    @Test
    void aBlockingFetchEndsAfterTheLimitAndAPrivateReadDoesNot() {
        GrowingStore store = new GrowingStore();
        BoundedFetchStorageEngine engine = new BoundedFetchStorageEngine(store);

        assertThat(engine.readEvents(null, true).limit(5_000).count())
                .isEqualTo(BoundedFetchStorageEngine.FETCH_LIMIT);
        assertThat(engine.readEvents(null, false).count()).isEqualTo(GrowingStore.PRIVATE_BATCH);
    }

    @Test
    void theSharedReaderStopsFetchingSoonAfterItsLastConsumerLeavesAStoreThatKeepsGrowing() throws Exception {
        GrowingStore store = new GrowingStore();
        EmbeddedEventStore shared = EmbeddedEventStore.builder()
                .storageEngine(new BoundedFetchStorageEngine(store)).fetchDelay(10).build();
        try {
            try (BlockingStream<TrackedEventMessage<?>> stream = shared.openStream(null)) {
                // The stream tails the shared reader once its private read of a batch is used up.
                for (int i = 0; i < 3 * BoundedFetchStorageEngine.FETCH_LIMIT; i++) {
                    stream.nextAvailable();
                }
            }
            long afterClose = awaitSteady(store);

            Thread.sleep(300);
            assertThat(store.pulled.get()).isEqualTo(afterClose).isLessThan(MANY);
        } finally {
            shared.shutDown();
        }
    }

    /** More than a reader that stops could have pulled: an unbounded fetch passes it within a second. */
    private static final long MANY = 100L * BoundedFetchStorageEngine.FETCH_LIMIT;

    /** Waits until the reader has stopped pulling events (or is far past stopping), and returns how many it pulled. */
    private static long awaitSteady(GrowingStore store) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        long seen = -1;
        while (System.nanoTime() < deadline && store.pulled.get() != seen && seen < MANY) {
            seen = store.pulled.get();
            Thread.sleep(100);
        }
        return seen;
    }

    /**
     * A store written faster than it is read: a private read finds a batch more, and the shared reader's fetch, which
     * reads until it finds nothing new, never reaches the end.
     */
    private static final class GrowingStore implements EventStorageEngine {

        static final long PRIVATE_BATCH = 100;
        private final AtomicLong pulled = new AtomicLong();

        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken token, boolean mayBlock) {
            long after = token == null ? -1 : token.position().orElse(-1);
            Stream<Long> indexes = Stream.iterate(after + 1, index -> index + 1);
            return (mayBlock ? indexes : indexes.limit(PRIVATE_BATCH)).peek(index -> pulled.incrementAndGet())
                    .map(index -> new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(index),
                            GenericEventMessage.asEventMessage("event " + index)));
        }

        @Override
        public void appendEvents(List<? extends EventMessage<?>> events) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public void storeSnapshot(DomainEventMessage<?> snapshot) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            return DomainEventStream.empty();
        }

        @Override
        public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
            return Optional.empty();
        }
    }
}
