package com.firmos.rest.config;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * Axon's embedded event store, reading the store privately for every processor and telling listeners as soon as a
 * transaction with events has committed on this node.
 *
 * <p>Private streams, because the shared reader that Axon uses by default ran a 512 MiB heap out in a catch-up of
 * 962,506 events, twice, even with its cache cut to 1,000 events and its cleanup run every 100 ms: a projection that
 * falls behind while following the shared reader keeps every event the reader fetched after it reachable until the
 * reader's cleaner lets it go, and the reader fetches far faster than projections apply (docs/BENCHMARKS.md,
 * "Scale"). A private stream holds one batch. What it loses is being woken when events arrive; the listeners here
 * give that back.
 */
final class CommitNotifyingEventStore extends EmbeddedEventStore {

    private final Set<Runnable> listeners = ConcurrentHashMap.newKeySet();

    CommitNotifyingEventStore(Builder builder) {
        super(builder.optimizeEventConsumption(false));
    }

    void onCommit(Runnable listener) {
        listeners.add(listener);
    }

    void removeCommitListener(Runnable listener) {
        listeners.remove(listener);
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        super.afterCommit(events);
        listeners.forEach(Runnable::run);
    }
}
