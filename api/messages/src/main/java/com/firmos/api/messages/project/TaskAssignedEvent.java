package com.firmos.api.messages.project;

import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record TaskAssignedEvent(
        UUID taskId,
        String organizationId,
        UUID engagementId,
        UUID projectId,
        String oldAssigneeId,
        String assigneeId) implements TaskEvent {
}
