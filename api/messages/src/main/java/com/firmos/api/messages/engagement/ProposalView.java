package com.firmos.api.messages.engagement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A proposal; engagementId and orderId are set once it is accepted (or engagementId from the start when it funds
 * an existing engagement).
 */
public record ProposalView(
        UUID id,
        String organizationId,
        UUID clientId,
        UUID dealId,
        UUID engagementId,
        UUID orderId,
        String title,
        BigDecimal amount,
        ProposalStatus status,
        String acceptedBy,
        Instant acceptedAt,
        Instant createdAt,
        long version) {
}
