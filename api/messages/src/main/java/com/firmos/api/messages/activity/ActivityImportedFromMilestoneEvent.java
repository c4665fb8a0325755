package com.firmos.api.messages.activity;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.serialization.Revision;

/** An activity that began as a milestone of the old Workbench, which {@code milestoneId} keeps referring to. */
@Revision("1")
public record ActivityImportedFromMilestoneEvent(
        UUID activityId,
        String organizationId,
        UUID engagementId,
        UUID milestoneId,
        ActivityDetails details,
        ActivityStatus status,
        Instant completedAt,
        String completedBy) implements ActivityEvent {
}
