package com.firmos.api.messages.project;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Assigns a task to a user; no user unassigns it. */
public record AssignTaskCommand(
        @TargetAggregateIdentifier UUID taskId,
        String organizationId,
        String assigneeId) {
}
