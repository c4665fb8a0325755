package com.firmos.api.messages.portal;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import com.firmos.api.messages.crm.Sealed;

/** What the exchange needs to decide on a presented token; only the server sees it. */
public record PortalLink(
        UUID accessId,
        String organizationId,
        UUID engagementId,
        UUID clientId,
        Sealed contactName,
        Set<PortalSection> sections,
        Instant expiresAt,
        boolean active,
        boolean singleUse,
        boolean used,
        String tokenHash,
        String passwordHash) {
}
