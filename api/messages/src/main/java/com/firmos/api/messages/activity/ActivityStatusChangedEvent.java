package com.firmos.api.messages.activity;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.serialization.Revision;

/** A status move; {@code completedBy} and {@code completedAt} are set only when the new status is done. */
@Revision("1")
public record ActivityStatusChangedEvent(
        UUID activityId,
        String organizationId,
        UUID engagementId,
        ActivityStatus oldStatus,
        ActivityStatus newStatus,
        String comment,
        String completedBy,
        Instant completedAt) {
}
