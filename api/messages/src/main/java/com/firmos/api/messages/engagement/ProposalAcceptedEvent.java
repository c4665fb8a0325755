package com.firmos.api.messages.engagement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.axonframework.serialization.Revision;

import com.firmos.api.messages.ClientScoped;

/** A signed proposal. The engagement and order ids are fixed here, so every step that follows is idempotent. */
@Revision("1")
public record ProposalAcceptedEvent(
        UUID proposalId,
        String organizationId,
        UUID clientId,
        UUID dealId,
        UUID convertedEngagementId,
        boolean newEngagement,
        UUID orderId,
        String title,
        BigDecimal amount,
        String acceptedBy,
        Instant acceptedAt) implements ProposalEvent, ClientScoped {
}
