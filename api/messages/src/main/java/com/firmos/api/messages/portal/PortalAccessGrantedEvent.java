package com.firmos.api.messages.portal;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record PortalAccessGrantedEvent(
        UUID accessId,
        String organizationId,
        UUID engagementId,
        UUID clientId,
        String contactName,
        Set<PortalSection> sections,
        Instant expiresAt,
        boolean singleUse,
        String tokenHash,
        String passwordHash) {
}
