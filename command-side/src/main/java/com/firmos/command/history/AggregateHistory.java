package com.firmos.command.history;

import static com.firmos.api.messages.MetadataKeys.ORGANIZATION_ID;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.axonframework.config.AggregateConfiguration;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import com.firmos.api.messages.history.AggregateState;
import com.firmos.api.messages.history.FindAggregateStateQuery;

/**
 * Rebuilds any aggregate as it stood at a past version or time from its events alone, through the aggregate's own
 * event-sourcing handlers, without touching the live aggregate: nothing is stored and no event is published.
 */
@Component
class AggregateHistory {

    private final EventStore events;
    private final Configuration axon;

    AggregateHistory(EventStore events, @Lazy Configuration axon) {
        this.events = events;
        this.axon = axon;
    }

    @QueryHandler
    AggregateState handle(FindAggregateStateQuery query) {
        List<DomainEventMessage<?>> history = history(query);
        if (history.isEmpty()
                || !query.organizationId().equals(history.getFirst().getMetaData().get(ORGANIZATION_ID))) {
            return null;
        }
        DomainEventMessage<?> last = history.getLast();
        Object root = replay(last.getType(), history);
        return new AggregateState(query.aggregateId(), last.getType(), last.getSequenceNumber(), last.getTimestamp(),
                fields(root));
    }

    /** From the first event on, never from a snapshot: a snapshot only knows the latest state. */
    private List<DomainEventMessage<?>> history(FindAggregateStateQuery query) {
        List<DomainEventMessage<?>> history = new ArrayList<>();
        DomainEventStream stream = events.readEvents(query.aggregateId(), 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (query.version() != null && event.getSequenceNumber() > query.version()
                    || query.at() != null && event.getTimestamp().isAfter(query.at())) {
                break;
            }
            history.add(event);
        }
        return history;
    }

    private Object replay(String aggregateType, List<DomainEventMessage<?>> history) {
        AggregateConfiguration<?> aggregate = axon.findModules(AggregateConfiguration.class).stream()
                .map(module -> (AggregateConfiguration<?>) module)
                .filter(module -> module.aggregateType().getSimpleName().equals(aggregateType)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no aggregate of type " + aggregateType));
        return replay(aggregate, history);
    }

    private <A> A replay(AggregateConfiguration<A> aggregate, List<DomainEventMessage<?>> history) {
        AggregateModel<A> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(aggregate.aggregateType(),
                axon.parameterResolverFactory(), axon.handlerDefinition(aggregate.aggregateType()));
        A root = aggregate.aggregateFactory().createAggregateRoot(history.getFirst().getAggregateIdentifier(),
                history.getFirst());
        EventSourcedAggregate<A> replayed = EventSourcedAggregate.initialize(root, model, null,
                NoSnapshotTriggerDefinition.TRIGGER);
        replayed.initializeState(DomainEventStream.of(history));
        return replayed.getAggregateRoot();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> fields(Object root) {
        JacksonSerializer serializer = (JacksonSerializer) axon.serializer();
        return serializer.getObjectMapper().convertValue(root, Map.class);
    }
}
