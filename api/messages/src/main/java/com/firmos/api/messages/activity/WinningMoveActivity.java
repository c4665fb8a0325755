package com.firmos.api.messages.activity;

import java.time.Instant;
import java.util.UUID;

public record WinningMoveActivity(
        UUID activityId,
        String title,
        ActivityStatus status,
        boolean completed,
        Instant completedAt) {
}
