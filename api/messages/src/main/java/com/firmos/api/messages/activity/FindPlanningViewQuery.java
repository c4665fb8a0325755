package com.firmos.api.messages.activity;

import java.util.Set;
import java.util.UUID;

/** The board of one engagement; empty filter sets mean "all". */
public record FindPlanningViewQuery(
        String organizationId,
        UUID engagementId,
        Set<PlaybookPhase> phases,
        Set<ActivityStatus> statuses,
        Set<String> teams,
        Set<UUID> winningMoveIds) {
}
