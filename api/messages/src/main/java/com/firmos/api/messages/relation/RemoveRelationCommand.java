package com.firmos.api.messages.relation;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RemoveRelationCommand(
        @TargetAggregateIdentifier String relationGraphId,
        String organizationId,
        UUID relationId) {
}
