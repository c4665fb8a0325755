package com.firmos.api.messages.activity;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record WinningMoveContributionCompletedEvent(
        UUID activityId,
        String organizationId,
        UUID engagementId,
        UUID winningMoveId,
        Instant completedAt) implements ActivityEvent {
}
