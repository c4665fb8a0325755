package com.firmos.api.messages.portal;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Trades a link's token (by its hash) for a portal session, once the caller has checked the password. Refused when
 * the token is not the current one, the access is revoked or expired, or a single-use link was used already.
 */
public record ExchangePortalLinkCommand(
        @TargetAggregateIdentifier UUID accessId,
        String organizationId,
        String tokenHash,
        Instant at) {
}
