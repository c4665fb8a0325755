package com.firmos.api.messages.project;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record EditProjectCommand(
        @TargetAggregateIdentifier UUID projectId,
        String organizationId,
        @TargetAggregateVersion Long expectedVersion,
        String name,
        String description) {
}
