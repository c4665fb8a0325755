package com.firmos.api.messages.activity;

import java.time.Instant;
import java.util.UUID;

/**
 * An activity in the shape of an old Workbench milestone. {@code milestoneId} is the migrated milestone's id, or
 * the activity's own for activities created since; suggestions and dismissed activities have no milestone shape.
 */
public record MilestoneView(
        UUID milestoneId,
        UUID activityId,
        UUID engagementId,
        String title,
        String description,
        MilestoneStatus status,
        int orderIndex,
        Instant completedAt,
        String completedBy,
        Instant createdAt,
        Instant updatedAt,
        long version) {
}
