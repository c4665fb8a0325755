package com.firmos.api.messages.portal;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A portal access as staff see it: never its token or password, only whether one is set. */
public record PortalAccessView(
        UUID id,
        UUID engagementId,
        UUID clientId,
        String contactName,
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
