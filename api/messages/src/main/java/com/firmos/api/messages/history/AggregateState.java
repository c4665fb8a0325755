package com.firmos.api.messages.history;

import java.time.Instant;
import java.util.Map;

/**
 * What an aggregate knew after applying its events up to {@code version}: the fields its decisions use, as the
 * event store alone rebuilds them (never from a snapshot), with the time of the last event applied.
 */
public record AggregateState(
        String aggregateId,
        String aggregateType,
        long version,
        Instant changedAt,
        Map<String, Object> state) {
}
