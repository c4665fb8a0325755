package com.firmos.api.messages.activity;

import java.util.UUID;

/** One winning move, or nothing when unknown to the tenant. */
public record FindWinningMoveQuery(
        String organizationId,
        UUID winningMoveId) {
}
