package com.firmos.command.engagement;

import java.util.UUID;

import com.firmos.api.messages.activity.PlaybookPhase;

/** What other aggregates may know of an engagement they put work into. */
public record EngagementFacts(UUID engagementId, PlaybookPhase phase, UUID clientId) {
}
