package com.firmos.api.messages.relation;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Relates two entities of the tenant. The target aggregate is the tenant's relation graph ("relations:" + tenant). */
public record AddRelationCommand(
        @TargetAggregateIdentifier String relationGraphId,
        String organizationId,
        UUID relationId,
        EntityReference source,
        EntityReference target,
        RelationType relationType,
        String label,
        String createdBy) {
}
