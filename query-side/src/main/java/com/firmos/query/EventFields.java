package com.firmos.query;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a named field of an event record, for handlers that treat every event alike (the timeline) or order
 * events by a field many events share (the engagement). Accessors are looked up once per event type.
 */
public final class EventFields {

    private static final Map<Class<?>, Map<String, Method>> ACCESSORS = new ConcurrentHashMap<>();

    private EventFields() {
    }

    public static Optional<Object> read(Object payload, String name) {
        if (!(payload instanceof Record record)) {
            return Optional.empty();
        }
        Method accessor = ACCESSORS.computeIfAbsent(record.getClass(), EventFields::accessorsOf).get(name);
        if (accessor == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(accessor.invoke(record));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + name + " of " + record.getClass().getName(), e);
        }
    }

    private static Map<String, Method> accessorsOf(Class<?> type) {
        Map<String, Method> accessors = new ConcurrentHashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            accessors.put(component.getName(), component.getAccessor());
        }
        return accessors;
    }
}
