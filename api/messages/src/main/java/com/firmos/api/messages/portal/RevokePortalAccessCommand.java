package com.firmos.api.messages.portal;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RevokePortalAccessCommand(
        @TargetAggregateIdentifier UUID accessId,
        String organizationId) {
}
