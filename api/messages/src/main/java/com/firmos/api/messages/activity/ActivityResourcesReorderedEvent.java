package com.firmos.api.messages.activity;

import java.util.List;
import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ActivityResourcesReorderedEvent(
        UUID activityId,
        String organizationId,
        UUID engagementId,
        List<UUID> resourceIds) implements ActivityEvent {
}
