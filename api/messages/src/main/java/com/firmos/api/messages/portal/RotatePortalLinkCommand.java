package com.firmos.api.messages.portal;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces the link's token: the old one stops working at once. */
public record RotatePortalLinkCommand(
        @TargetAggregateIdentifier UUID accessId,
        String organizationId,
        String tokenHash) {
}
