package com.firmos.api.messages.activity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A winning move with its linked activities; {@code completedShare} is completed contributions over links (0 without
 * links).
 */
public record WinningMoveView(
        UUID id,
        String organizationId,
        UUID engagementId,
        String title,
        String description,
        PlaybookPhase sourcePhase,
        UUID sourceActivityId,
        WinningMoveStatus status,
        List<WinningMoveActivity> activities,
        double completedShare,
        long version,
        Instant createdAt,
        Instant updatedAt) {
}
