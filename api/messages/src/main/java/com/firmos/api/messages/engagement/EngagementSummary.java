package com.firmos.api.messages.engagement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.firmos.api.messages.activity.PlaybookPhase;

public record EngagementSummary(
        UUID id,
        UUID clientId,
        String name,
        EngagementStatus status,
        CloseOutcome closeOutcome,
        PlaybookPhase phase,
        BigDecimal budget,
        int projectCount,
        int openConversationCount,
        Instant createdAt,
        Instant closedAt,
        long version) {
}
