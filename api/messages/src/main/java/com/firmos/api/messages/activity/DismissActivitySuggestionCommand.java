package com.firmos.api.messages.activity;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Dismisses a suggestion: it leaves the board and stays in the timeline. */
public record DismissActivitySuggestionCommand(
        @TargetAggregateIdentifier UUID activityId,
        String organizationId,
        @TargetAggregateVersion Long expectedVersion,
        String comment) {
}
