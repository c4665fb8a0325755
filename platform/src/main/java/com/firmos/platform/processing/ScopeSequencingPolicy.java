package com.firmos.platform.processing;

import java.util.function.Function;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;

import com.firmos.api.messages.ClientScoped;
import com.firmos.api.messages.EngagementScoped;

/**
 * Handles all events of one engagement, or of one client, in order, in one segment. Some read models depend on
 * the order of events across aggregates: board positions on the order of moves of different activities, a deal's
 * exit criteria on the interactions logged and proposals drafted before it moved. An event without the scope (its
 * type is not marked, or the value is null) keeps its aggregate's order, so of one aggregate's events a processor
 * handles, all must carry the scope or none: the sealed event interfaces of api/messages say which do. The
 * identifiers ({@code engagementId:<id>}, {@code clientId:<id>}) key the segments and dead letters already kept.
 */
public final class ScopeSequencingPolicy<S> implements SequencingPolicy<EventMessage<?>> {

    private final Class<S> scope;
    private final String name;
    private final Function<S, Object> value;

    private ScopeSequencingPolicy(Class<S> scope, String name, Function<S, Object> value) {
        this.scope = scope;
        this.name = name;
        this.value = value;
    }

    public static ScopeSequencingPolicy<EngagementScoped> byEngagement() {
        return new ScopeSequencingPolicy<>(EngagementScoped.class, "engagementId", EngagementScoped::engagementId);
    }

    public static ScopeSequencingPolicy<ClientScoped> byClient() {
        return new ScopeSequencingPolicy<>(ClientScoped.class, "clientId", ClientScoped::clientId);
    }

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Object id = scope.isInstance(event.getPayload()) ? value.apply(scope.cast(event.getPayload())) : null;
        return id != null
                ? name + ":" + id
                : SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
    }
}
