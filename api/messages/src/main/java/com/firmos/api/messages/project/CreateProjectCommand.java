package com.firmos.api.messages.project;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CreateProjectCommand(
        @TargetAggregateIdentifier UUID projectId,
        String organizationId,
        UUID engagementId,
        String name,
        String description,
        UUID serviceTemplateId) {
}
