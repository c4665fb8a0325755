package com.firmos.api.messages.engagement;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Sends a draft, records that the client viewed it, or records its rejection or expiry. Acceptance has a command
 * of its own.
 */
public record ChangeProposalStatusCommand(
        @TargetAggregateIdentifier UUID proposalId,
        String organizationId,
        @TargetAggregateVersion Long expectedVersion,
        ProposalStatus status) {
}
