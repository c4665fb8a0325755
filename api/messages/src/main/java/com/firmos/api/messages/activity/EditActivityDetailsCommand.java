package com.firmos.api.messages.activity;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Replaces the activity's details; {@code expectedVersion} is optional and refuses a stale edit. */
public record EditActivityDetailsCommand(
        @TargetAggregateIdentifier UUID activityId,
        String organizationId,
        @TargetAggregateVersion Long expectedVersion,
        ActivityDetails details) {
}
