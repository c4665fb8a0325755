package com.firmos.api.messages.engagement;

import java.math.BigDecimal;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Changes a draft's title and amount. */
public record EditProposalCommand(
        @TargetAggregateIdentifier UUID proposalId,
        String organizationId,
        @TargetAggregateVersion Long expectedVersion,
        String title,
        BigDecimal amount) {
}
