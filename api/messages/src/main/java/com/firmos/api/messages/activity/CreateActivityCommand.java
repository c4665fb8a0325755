package com.firmos.api.messages.activity;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Creates an activity in an engagement. The id is chosen by the caller so that a retried create is
 * recognised instead of creating a second activity.
 *
 * @param status {@code PLANNED} or {@code SUGGESTION}
 */
public record CreateActivityCommand(
        @TargetAggregateIdentifier UUID activityId,
        String organizationId,
        UUID engagementId,
        ActivityDetails details,
        ActivityStatus status) {
}
