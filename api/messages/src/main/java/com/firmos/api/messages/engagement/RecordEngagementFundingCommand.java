package com.firmos.api.messages.engagement;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that an order funds the engagement; recording it again changes nothing. */
public record RecordEngagementFundingCommand(
        @TargetAggregateIdentifier UUID engagementId,
        String organizationId,
        UUID orderId) {
}
