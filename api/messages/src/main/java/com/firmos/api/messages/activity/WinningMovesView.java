package com.firmos.api.messages.activity;

import java.util.List;
import java.util.UUID;

public record WinningMovesView(
        UUID engagementId,
        List<WinningMoveView> winningMoves) {
}
