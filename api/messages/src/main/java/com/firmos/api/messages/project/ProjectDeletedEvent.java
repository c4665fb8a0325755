package com.firmos.api.messages.project;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ProjectDeletedEvent(
        UUID projectId,
        String organizationId,
        UUID engagementId,
        Instant deletedAt) implements ProjectEvent {
}
