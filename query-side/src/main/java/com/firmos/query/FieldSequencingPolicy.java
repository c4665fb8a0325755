package com.firmos.query;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;

/**
 * Handles all events that name the same value of one field (an engagement, a client) in order, in one segment.
 * Some read models depend on the order of events across aggregates: board positions on the order of moves of
 * different activities, a deal's exit criteria on interactions logged before it moved. Events without the field
 * keep per-aggregate order, so every aggregate whose events name the field must name it in all of them.
 */
public class FieldSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    private final String field;

    public FieldSequencingPolicy(String field) {
        this.field = field;
    }

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        return EventFields.read(event.getPayload(), field)
                .map(value -> (Object) (field + ":" + value))
                .orElseGet(() -> SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event));
    }
}
