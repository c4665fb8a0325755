package com.firmos.api.messages.crm;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import com.firmos.api.messages.Actor;

public record CorrectInteractionCommand(
        @TargetAggregateIdentifier UUID interactionId,
        String organizationId,
        Actor actor,
        InteractionDetails details) {
}
