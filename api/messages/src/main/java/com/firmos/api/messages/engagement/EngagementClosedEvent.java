package com.firmos.api.messages.engagement;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record EngagementClosedEvent(
        UUID engagementId,
        String organizationId,
        EngagementStatus previousStatus,
        CloseOutcome outcome,
        Instant closedAt) implements EngagementEvent {
}
