package com.firmos.api.messages.project;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record TaskStatusChangedEvent(
        UUID taskId,
        String organizationId,
        UUID engagementId,
        UUID projectId,
        TaskStatus oldStatus,
        TaskStatus newStatus,
        Instant completedAt) implements TaskEvent {
}
