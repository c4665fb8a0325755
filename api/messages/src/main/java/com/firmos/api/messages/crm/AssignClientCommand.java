package com.firmos.api.messages.crm;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import com.firmos.api.messages.Actor;

/** Assigns a user to a client, or changes the role; admins only. */
public record AssignClientCommand(
        @TargetAggregateIdentifier UUID clientId,
        String organizationId,
        Actor actor,
        String userId,
        AssignmentRole role) {
}
