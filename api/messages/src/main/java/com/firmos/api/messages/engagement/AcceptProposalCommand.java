package com.firmos.api.messages.engagement;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records the signed acceptance of a viewed proposal. Accepting an accepted proposal again changes nothing. */
public record AcceptProposalCommand(
        @TargetAggregateIdentifier UUID proposalId,
        String organizationId,
        String acceptedBy) {
}
