package com.firmos.api.messages.engagement;

import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record EngagementPausedEvent(
        UUID engagementId,
        String organizationId) implements EngagementEvent {
}
