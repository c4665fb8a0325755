package com.firmos.api.messages.engagement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.firmos.api.messages.activity.PlaybookPhase;

public record EngagementView(
        UUID id,
        String organizationId,
        UUID clientId,
        String name,
        EngagementStatus status,
        CloseOutcome closeOutcome,
        PlaybookPhase phase,
        UUID dealId,
        UUID proposalId,
        UUID contractId,
        BigDecimal budget,
        List<EngagementProject> projects,
        List<EngagementConversation> openConversations,
        ProposalView proposal,
        List<OrderView> orders,
        Instant createdAt,
        Instant closedAt,
        long version) {
}
