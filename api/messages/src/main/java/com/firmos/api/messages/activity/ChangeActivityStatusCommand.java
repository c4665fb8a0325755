package com.firmos.api.messages.activity;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Moves an activity to another status: accept a suggestion, start, pause, complete, skip or reopen.
 *
 * @param changedBy the user making the change; recorded as the completer when the target is {@code DONE}
 * @param scoreData the result, only when the target is {@code DONE}
 */
public record ChangeActivityStatusCommand(
        @TargetAggregateIdentifier UUID activityId,
        String organizationId,
        @TargetAggregateVersion Long expectedVersion,
        ActivityStatus status,
        String comment,
        String changedBy,
        ScoreData scoreData) {
}
