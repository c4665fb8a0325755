package com.firmos.api.messages.project;

import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ProjectEditedEvent(
        UUID projectId,
        String organizationId,
        UUID engagementId,
        String oldName,
        String name,
        String oldDescription,
        String description) implements ProjectEvent {
}
