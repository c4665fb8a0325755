package com.firmos.api.messages.fasttrack;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces the details of a team assessment of the user's FIT & ABC analysis document. */
public record EditTeamAssessmentCommand(
        @TargetAggregateIdentifier UUID documentId,
        String organizationId,
        String userId,
        UUID assessmentId,
        TeamAssessmentDetails details) {
}
