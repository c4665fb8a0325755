package com.firmos.api.messages.crm;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import com.firmos.api.messages.Actor;

public record LogInteractionCommand(
        @TargetAggregateIdentifier UUID interactionId,
        String organizationId,
        Actor actor,
        UUID clientId,
        InteractionDetails details) {
}
