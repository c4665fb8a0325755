package com.firmos.api.messages.portal;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import com.firmos.api.messages.crm.Sealed;

/** A portal access as staff see it: never its token or password, only whether one is set; the name sealed. */
public record PortalAccessView(
        UUID id,
        UUID engagementId,
        UUID clientId,
        Sealed contactName,
        boolean contactErased,
        Set<PortalSection> sections,
        Instant expiresAt,
        boolean singleUse,
        boolean passwordProtected,
        String status,
        String grantedBy,
        Instant grantedAt,
        Instant lastAccessAt,
        long version) {
}
