package com.firmos.api.messages.history;

import java.time.Instant;

/** An aggregate's state after its event {@code version}, or as it stood at {@code at}; either, both or neither. */
public record FindAggregateStateQuery(
        String organizationId,
        String aggregateId,
        Long version,
        Instant at) {
}
