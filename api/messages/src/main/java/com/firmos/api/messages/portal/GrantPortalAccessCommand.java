package com.firmos.api.messages.portal;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import com.firmos.api.messages.crm.Sealed;

/**
 * Gives a client contact a magic link to one engagement. The contact's name travels sealed (erasable), and of the
 * link only hashes: {@code tokenHash} is the SHA-256 of the link's token (shown once to the staff member),
 * {@code passwordHash} a BCrypt hash when a password is set.
 */
public record GrantPortalAccessCommand(
        @TargetAggregateIdentifier UUID accessId,
        String organizationId,
        UUID engagementId,
        Sealed contactName,
        Set<PortalSection> sections,
        Instant expiresAt,
        boolean singleUse,
        String tokenHash,
        String passwordHash) {
}
