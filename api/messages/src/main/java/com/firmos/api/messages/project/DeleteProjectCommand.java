package com.firmos.api.messages.project;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Soft-deletes a project: it leaves every list and takes no more changes or tasks. */
public record DeleteProjectCommand(
        @TargetAggregateIdentifier UUID projectId,
        String organizationId) {
}
