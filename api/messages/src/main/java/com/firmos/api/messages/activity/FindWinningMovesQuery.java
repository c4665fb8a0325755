package com.firmos.api.messages.activity;

import java.util.UUID;

/** The winning moves of an engagement with their activities. */
public record FindWinningMovesQuery(
        String organizationId,
        UUID engagementId) {
}
