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

import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * One aggregate type's loaded state, bounded, handed out only while it is the latest: each hit asks the event
 * store for the aggregate's last sequence number (one indexed read), so a write another node stored, or one stored
 * straight into the stream, sends the command back to the stored events, and no decision is taken on a stale state.
 * Axon's caching repository puts the state after each save and drops it when the unit of work rolls back.
 */
final class FreshAggregateCache implements Cache {

    private static final Field VERSION = versionField();

    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> entries;
    private final ObjectProvider<EventStore> events;

    FreshAggregateCache(ObjectProvider<EventStore> events,
            @Value("${firmos.aggregate-cache.size:1000}") long size,
            @Value("${firmos.aggregate-cache.idle:PT10M}") Duration idle) {
        this.events = events;
        this.entries = Caffeine.newBuilder().maximumSize(size).expireAfterAccess(idle).build();
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

    @Override
    public void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.asMap().putIfAbsent(key, value) == null;
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

    /** The sequence number of the last event the cached state applied; none for anything but Axon's entry. */
    private static Long version(Object entry) {
        if (!(entry instanceof AggregateCacheEntry<?>)) {
            return -1L;
        }
        try {
            return (Long) VERSION.get(entry);
        } catch (IllegalAccessException unreadable) {
            return -1L;
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
