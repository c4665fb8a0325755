package com.firmos.api.messages.project;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record ChangeTaskStatusCommand(
        @TargetAggregateIdentifier UUID taskId,
        String organizationId,
        @TargetAggregateVersion Long expectedVersion,
        TaskStatus status) {
}
