package com.firmos.api.messages.engagement;

import java.math.BigDecimal;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Drafts a proposal for a client. With a fundedEngagementId, accepting it funds that engagement instead of opening a
 * new one.
 */
public record DraftProposalCommand(
        @TargetAggregateIdentifier UUID proposalId,
        String organizationId,
        UUID clientId,
        UUID dealId,
        UUID fundedEngagementId,
        String title,
        BigDecimal amount) {
}
