package com.firmos.api.messages.activity;

import java.time.Instant;
import java.util.UUID;

/** A winning move an activity contributes to, and whether that contribution is completed. */
public record ActivityWinningMove(
        UUID winningMoveId,
        String title,
        WinningMoveStatus status,
        boolean completed,
        Instant completedAt) {
}
