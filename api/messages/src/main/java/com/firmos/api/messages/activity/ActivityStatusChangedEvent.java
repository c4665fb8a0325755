package com.firmos.api.messages.activity;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.serialization.Revision;

/** A status move; {@code completedBy}, {@code completedAt} and {@code scoreData} are set only when moving to done. */
@Revision("1")
public record ActivityStatusChangedEvent(
        UUID activityId,
        String organizationId,
        UUID engagementId,
        ActivityStatus oldStatus,
        ActivityStatus newStatus,
        String comment,
        String completedBy,
        Instant completedAt,
        ScoreData scoreData) implements ActivityEvent {
}
