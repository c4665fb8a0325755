package com.firmos.api.messages.project;

import java.time.Instant;
import java.util.UUID;

public record ProjectView(
        UUID id,
        String organizationId,
        UUID engagementId,
        String name,
        String description,
        UUID serviceTemplateId,
        ProjectPhase phase,
        ProjectStatus status,
        Instant completedAt,
        Instant createdAt,
        long version) {
}
