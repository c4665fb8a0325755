package com.firmos.api.messages.fasttrack;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces the details of a hypothesis of the user's value proposition document. */
public record EditHypothesisCommand(
        @TargetAggregateIdentifier UUID documentId,
        String organizationId,
        String userId,
        UUID hypothesisId,
        HypothesisDetails details) {
}
