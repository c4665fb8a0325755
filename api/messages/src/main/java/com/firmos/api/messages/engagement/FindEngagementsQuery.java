package com.firmos.api.messages.engagement;

import java.util.Set;
import java.util.UUID;

import com.firmos.api.messages.activity.PlaybookPhase;

/** The tenant's engagements; empty filters mean all. */
public record FindEngagementsQuery(
        String organizationId,
        Set<EngagementStatus> statuses,
        Set<PlaybookPhase> phases,
        UUID clientId) {
}
