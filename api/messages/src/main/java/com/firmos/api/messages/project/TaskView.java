package com.firmos.api.messages.project;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record TaskView(
        UUID id,
        String organizationId,
        UUID engagementId,
        UUID projectId,
        String title,
        String description,
        TaskStatus status,
        TaskPriority priority,
        TaskEffort effort,
        LocalDate dueDate,
        boolean milestone,
        boolean critical,
        String assigneeId,
        ProjectPhase projectPhase,
        boolean overdue,
        Instant completedAt,
        Instant createdAt,
        long version) {
}
