package com.firmos.api.messages.activity;

import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ActivityResourceAddedEvent(
        UUID activityId,
        String organizationId,
        UUID engagementId,
        ActivityResource resource) implements ActivityEvent {
}
