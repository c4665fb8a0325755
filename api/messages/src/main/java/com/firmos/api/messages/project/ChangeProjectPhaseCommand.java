package com.firmos.api.messages.project;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Moves a project forward one phase, or back to any earlier one. */
public record ChangeProjectPhaseCommand(
        @TargetAggregateIdentifier UUID projectId,
        String organizationId,
        @TargetAggregateVersion Long expectedVersion,
        ProjectPhase phase) {
}
