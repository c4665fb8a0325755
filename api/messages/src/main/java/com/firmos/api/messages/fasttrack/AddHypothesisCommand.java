package com.firmos.api.messages.fasttrack;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a hypothesis to the user's value proposition document while it is open for changes. */
public record AddHypothesisCommand(
        @TargetAggregateIdentifier UUID documentId,
        String organizationId,
        String userId,
        UUID hypothesisId,
        HypothesisDetails details) {
}
