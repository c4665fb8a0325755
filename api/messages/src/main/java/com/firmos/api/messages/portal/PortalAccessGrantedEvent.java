package com.firmos.api.messages.portal;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.axonframework.serialization.Revision;

import com.firmos.api.messages.ClientScoped;
import com.firmos.api.messages.crm.Sealed;

@Revision("1")
public record PortalAccessGrantedEvent(
        UUID accessId,
        String organizationId,
        UUID engagementId,
        UUID clientId,
        Sealed contactName,
        Set<PortalSection> sections,
        Instant expiresAt,
        boolean singleUse,
        String tokenHash,
        String passwordHash) implements PortalAccessEvent, ClientScoped {
}
