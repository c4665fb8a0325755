package com.firmos.api.messages.activity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One activity as the board shows it; {@code version} is the aggregate version it reflects. */
public record ActivityView(
        UUID id,
        String organizationId,
        UUID engagementId,
        String title,
        String description,
        String icon,
        String iconColor,
        ActivityStatus status,
        PlaybookPhase phase,
        TimeBucket timeBucket,
        LocalDate scheduledDate,
        LocalDate dueDate,
        int orderIndex,
        Instant completedAt,
        String completedBy,
        long version,
        Instant createdAt,
        Instant updatedAt) {
}
