package com.firmos.api.messages.project;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ProjectStatusChangedEvent(
        UUID projectId,
        String organizationId,
        UUID engagementId,
        ProjectStatus oldStatus,
        ProjectStatus newStatus,
        Instant completedAt) implements ProjectEvent {
}
