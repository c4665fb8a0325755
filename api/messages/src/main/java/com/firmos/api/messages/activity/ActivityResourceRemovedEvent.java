package com.firmos.api.messages.activity;

import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ActivityResourceRemovedEvent(
        UUID activityId,
        String organizationId,
        UUID engagementId,
        UUID resourceId,
        String title) implements ActivityEvent {
}
