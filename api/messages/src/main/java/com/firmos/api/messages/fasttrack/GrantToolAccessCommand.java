package com.firmos.api.messages.fasttrack;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Gives a user a level of access to a tool, until {@code expiresAt} if given; granting again replaces it. */
public record GrantToolAccessCommand(
        @TargetAggregateIdentifier UUID permissionId,
        String organizationId,
        String userId,
        String toolSlug,
        ToolAccessLevel level,
        Instant expiresAt,
        String grantedBy) {
}
