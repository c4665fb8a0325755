package com.firmos.api.messages.activity;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Assigns a team by name; no name unassigns. */
public record AssignActivityTeamCommand(
        @TargetAggregateIdentifier UUID activityId,
        String organizationId,
        String team) {
}
