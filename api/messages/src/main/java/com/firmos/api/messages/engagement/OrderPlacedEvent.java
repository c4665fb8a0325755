package com.firmos.api.messages.engagement;

import java.math.BigDecimal;
import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record OrderPlacedEvent(
        UUID orderId,
        String organizationId,
        UUID engagementId,
        UUID proposalId,
        BigDecimal amount,
        String currency) implements OrderEvent {
}
