package com.firmos.command;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.Objects;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Scheduler;

/**
 * One aggregate type's loaded state, bounded, handed out only while it is the latest: each hit asks the event
 * store for the aggregate's last sequence number (one indexed read), so a write another node stored, or one stored
 * straight into the stream, sends the command back to the stored events, and no decision is taken on a stale state.
 * Axon's caching repository puts the state after each save and drops it when the unit of work rolls back; this
 * cache keeps it only once the transaction committed.
 */
final class FreshAggregateCache implements Cache {

    private static final Field VERSION = versionField();

    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> entries;
    private final ObjectProvider<EventStore> events;

    /** The event store comes later: it is built by the same Axon configuration that asks for this cache. */
    FreshAggregateCache(ObjectProvider<EventStore> events,
            @Value("${firmos.aggregate-cache.size:500}") long size,
            @Value("${firmos.aggregate-cache.idle:PT10M}") Duration idle) {
        this.events = events;
        // The scheduler frees idle entries of a type no command touches any more.
        this.entries = Caffeine.newBuilder().maximumSize(size).expireAfterAccess(idle)
                .scheduler(Scheduler.systemScheduler()).build();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object entry = entries.getIfPresent(key);
        if (entry == null) {
            return null;
        }
        Long stored = events.getObject().lastSequenceNumberFor(key.toString()).orElse(null);
        if (!Objects.equals(version(entry), stored)) {
            entries.invalidate(key);
            return null;
        }
        return (V) entry;
    }

    /**
     * Axon puts the state as the unit of work prepares its commit. It is kept only once the transaction has
     * committed: a unit of work inside a transaction that then rolls back runs no rollback callback of Axon's, and
     * its state would carry the version of an event another writer may store next.
     */
    @Override
    public void put(Object key, Object value) {
        afterCommit(key, () -> entries.put(key, value));
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        if (entries.asMap().containsKey(key)) {
            return false;
        }
        afterCommit(key, () -> entries.asMap().putIfAbsent(key, value));
        return true;
    }

    private void afterCommit(Object key, Runnable keep) {
        entries.invalidate(key);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            keep.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                keep.run();
            }
        });
    }

    @Override
    public boolean remove(Object key) {
        return entries.asMap().remove(key) != null;
    }

    @Override
    public void removeAll() {
        entries.invalidateAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.asMap().containsKey(key);
    }

    /** Nothing listens to an aggregate cache; a caller that would is told rather than ignored. */
    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        throw new UnsupportedOperationException("an aggregate cache has no entry listeners");
    }

    /** The sequence number of the last event the cached state applied; -1, never current, for anything else. */
    private static Long version(Object entry) {
        if (!(entry instanceof AggregateCacheEntry<?>)) {
            return -1L;
        }
        try {
            return (Long) VERSION.get(entry);
        } catch (IllegalAccessException unreadable) {
            throw new IllegalStateException("Axon's AggregateCacheEntry version cannot be read", unreadable);
        }
    }

    /** Axon keeps the version in the entry without a getter; a renamed field stops the start, not a command. */
    private static Field versionField() {
        try {
            Field version = AggregateCacheEntry.class.getDeclaredField("version");
            version.setAccessible(true);
            return version;
        } catch (NoSuchFieldException renamed) {
            throw new IllegalStateException("Axon's AggregateCacheEntry has no version field any more", renamed);
        }
    }
}
