package com.firmos.api.messages.project;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CreateTaskCommand(
        @TargetAggregateIdentifier UUID taskId,
        String organizationId,
        UUID projectId,
        TaskDetails details,
        String assigneeId) {
}
