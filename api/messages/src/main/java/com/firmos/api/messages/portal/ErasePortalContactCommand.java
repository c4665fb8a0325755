package com.firmos.api.messages.portal;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Erases the contact behind a portal access: the access is revoked and their sealed name can never be read. */
public record ErasePortalContactCommand(
        @TargetAggregateIdentifier UUID accessId,
        String organizationId) {
}
