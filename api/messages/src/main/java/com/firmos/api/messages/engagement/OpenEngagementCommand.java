package com.firmos.api.messages.engagement;

import java.math.BigDecimal;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import com.firmos.api.messages.activity.PlaybookPhase;

/** Opens an engagement for a client; the name is optional, the phase defaults to align, the links are optional. */
public record OpenEngagementCommand(
        @TargetAggregateIdentifier UUID engagementId,
        String organizationId,
        UUID clientId,
        String name,
        PlaybookPhase phase,
        UUID dealId,
        UUID proposalId,
        UUID contractId,
        BigDecimal budget) {
}
