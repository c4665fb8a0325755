package com.firmos.api.messages.activity;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Brings one milestone of the old Workbench over as an activity, with the status it had there (already renamed to
 * the activity vocabulary) and its completion. Sending it again for the same milestone changes nothing.
 */
public record ImportMilestoneCommand(
        @TargetAggregateIdentifier UUID activityId,
        String organizationId,
        UUID engagementId,
        UUID milestoneId,
        ActivityDetails details,
        ActivityStatus status,
        Instant completedAt,
        String completedBy) {
}
