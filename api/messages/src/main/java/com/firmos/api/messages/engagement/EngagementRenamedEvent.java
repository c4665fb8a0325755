package com.firmos.api.messages.engagement;

import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record EngagementRenamedEvent(
        UUID engagementId,
        String organizationId,
        String oldName,
        String name) implements EngagementEvent {
}
