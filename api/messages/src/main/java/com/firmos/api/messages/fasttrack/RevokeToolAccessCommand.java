package com.firmos.api.messages.fasttrack;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Takes a user's access to a tool away. */
public record RevokeToolAccessCommand(
        @TargetAggregateIdentifier UUID permissionId,
        String organizationId) {
}
