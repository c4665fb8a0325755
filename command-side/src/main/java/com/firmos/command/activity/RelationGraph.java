package com.firmos.command.activity;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import com.firmos.api.messages.RefusalCode;
import com.firmos.api.messages.relation.AddRelationCommand;
import com.firmos.api.messages.relation.EntityReference;
import com.firmos.api.messages.relation.RelationAddedEvent;
import com.firmos.api.messages.relation.RelationGraphs;
import com.firmos.api.messages.relation.RelationRemovedEvent;
import com.firmos.api.messages.relation.RemoveRelationCommand;
import com.firmos.api.messages.relation.RelationType;
import com.firmos.command.CommandSideConfiguration;
import com.firmos.command.DomainException;
import com.firmos.command.FieldRules;

/**
 * All relations of one tenant. Uniqueness per (source, target) and acyclic dependencies are rules over the
 * whole graph, so the graph is the consistency boundary; its id is {@link #idOf(String)}.
 */
@Aggregate(snapshotTriggerDefinition = CommandSideConfiguration.SNAPSHOT_TRIGGER)
class RelationGraph {

    private static final Pattern ENTITY_TYPE = Pattern.compile("^[a-z][a-z_]{0,39}$");

    @AggregateIdentifier
    private String relationGraphId;
    private String organizationId;
    private Map<UUID, Edge> edges = new LinkedHashMap<>();

    RelationGraph() {
    }

    static String idOf(String organizationId) {
        return RelationGraphs.ID_PREFIX + organizationId;
    }

    /** Called by {@link RelationCommands} once both ends are known to exist in the tenant. */
    void add(AddRelationCommand command) {
        Edge edge = new Edge(command.source(), command.target(), command.relationType());
        Edge existing = edges.get(command.relationId());
        if (existing != null) {
            if (existing.equals(edge)) {
                return;
            }
            throw new DomainException(RefusalCode.ALREADY_EXISTS, "id", "a relation with this id exists");
        }
        if (edges.values().stream().anyMatch(other -> other.source().equals(edge.source())
                && other.target().equals(edge.target()))) {
            throw new DomainException(RefusalCode.CONFLICT, "target",
                    "these two entities are already related in this direction");
        }
        new PrecedenceGraph(edges.values()).cycleClosedBy(edge.source(), edge.target(), edge.type())
                .ifPresent(cycle -> {
                    throw new DomainException(RefusalCode.CONFLICT, "relationType",
                            "this relation would close the dependency cycle " + describe(cycle));
                });
        apply(new RelationAddedEvent(idOf(command.organizationId()), command.organizationId(),
                command.relationId(), edge.source(), edge.target(), edge.type(), command.label(),
                command.createdBy()));
    }

    /** Called by {@link RelationCommands}, which checks write access to the ends before removing. */
    Edge edgeToRemove(RemoveRelationCommand command) {
        if (!Objects.equals(organizationId, command.organizationId())) {
            throw DomainException.notFound("relation");
        }
        Edge edge = edges.get(command.relationId());
        if (edge == null) {
            throw DomainException.notFound("relation");
        }
        return edge;
    }

    void remove(RemoveRelationCommand command) {
        Edge edge = edgeToRemove(command);
        apply(new RelationRemovedEvent(relationGraphId, organizationId, command.relationId(), edge.source(),
                edge.target(), edge.type()));
    }

    static void checkShape(AddRelationCommand command) {
        FieldRules.required("id", command.relationId());
        checkReference("source", command.source());
        checkReference("target", command.target());
        FieldRules.maxLength("label", command.label(), 200);
        if (command.source().equals(command.target())) {
            throw DomainException.invalid("target", "an entity cannot be related to itself");
        }
    }

    private static void checkReference(String field, EntityReference reference) {
        FieldRules.required(field, reference);
        FieldRules.required(field + ".type", reference.type());
        if (!ENTITY_TYPE.matcher(reference.type()).matches()) {
            throw DomainException.invalid(field + ".type", "an entity type is lower_snake_case, such as activity");
        }
        FieldRules.requiredText(field + ".id", reference.id(), 100);
    }

    @EventSourcingHandler
    void on(RelationAddedEvent event) {
        relationGraphId = event.relationGraphId();
        organizationId = event.organizationId();
        edges.put(event.relationId(), new Edge(event.source(), event.target(), event.relationType()));
    }

    @EventSourcingHandler
    void on(RelationRemovedEvent event) {
        edges.remove(event.relationId());
    }

    private static String describe(List<EntityReference> cycle) {
        return cycle.stream().map(entity -> entity.type() + ":" + entity.id()).collect(Collectors.joining(" → "))
                + " → " + cycle.getFirst().type() + ":" + cycle.getFirst().id();
    }

    record Edge(EntityReference source, EntityReference target, RelationType type) {
    }
}
