package com.firmos.api.messages.engagement;

import java.math.BigDecimal;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records an order, the financial side of a signed proposal. Orders outlive the engagement they fund. */
public record PlaceOrderCommand(
        @TargetAggregateIdentifier UUID orderId,
        String organizationId,
        UUID engagementId,
        UUID proposalId,
        BigDecimal amount,
        String currency) {
}
