package com.firmos.query;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;

/**
 * Handles the events of one engagement in order, in one segment. The board's positions depend on the order of
 * moves across activities, so per-aggregate order is not enough there; events without an engagement keep
 * per-aggregate order.
 */
public class EngagementSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        return EventFields.read(event.getPayload(), "engagementId")
                .map(engagement -> (Object) ("engagement:" + engagement))
                .orElseGet(() -> SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event));
    }
}
