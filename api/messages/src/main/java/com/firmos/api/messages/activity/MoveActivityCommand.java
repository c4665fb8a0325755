package com.firmos.api.messages.activity;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Moves an activity to a bucket and a position in it; no position means the end of the bucket. */
public record MoveActivityCommand(
        @TargetAggregateIdentifier UUID activityId,
        String organizationId,
        @TargetAggregateVersion Long expectedVersion,
        TimeBucket timeBucket,
        Integer position) {
}
