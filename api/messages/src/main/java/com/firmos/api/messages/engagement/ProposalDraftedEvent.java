package com.firmos.api.messages.engagement;

import java.math.BigDecimal;
import java.util.UUID;

import org.axonframework.serialization.Revision;

import com.firmos.api.messages.ClientScoped;

@Revision("1")
public record ProposalDraftedEvent(
        UUID proposalId,
        String organizationId,
        UUID clientId,
        UUID dealId,
        UUID fundedEngagementId,
        String title,
        BigDecimal amount) implements ProposalEvent, ClientScoped {
}
