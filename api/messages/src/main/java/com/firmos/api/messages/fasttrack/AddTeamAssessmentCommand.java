package com.firmos.api.messages.fasttrack;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a team assessment to the user's FIT & ABC analysis document while it is open for changes. */
public record AddTeamAssessmentCommand(
        @TargetAggregateIdentifier UUID documentId,
        String organizationId,
        String userId,
        UUID assessmentId,
        TeamAssessmentDetails details) {
}
