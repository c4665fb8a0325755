package com.firmos.api.messages.engagement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

public record OrderView(
        UUID orderId,
        UUID engagementId,
        UUID proposalId,
        BigDecimal amount,
        String currency,
        Instant placedAt) {
}
