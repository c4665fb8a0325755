package com.firmos.api.messages.project;

import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ProjectCreatedEvent(
        UUID projectId,
        String organizationId,
        UUID engagementId,
        String name,
        String description,
        UUID serviceTemplateId) implements ProjectEvent {
}
