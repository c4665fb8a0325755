package com.firmos.api.messages.fasttrack;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Removes a team assessment from the user's FIT & ABC analysis document. */
public record RemoveTeamAssessmentCommand(
        @TargetAggregateIdentifier UUID documentId,
        String organizationId,
        String userId,
        UUID assessmentId) {
}
