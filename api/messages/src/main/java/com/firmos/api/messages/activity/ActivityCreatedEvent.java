package com.firmos.api.messages.activity;

import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ActivityCreatedEvent(
        UUID activityId,
        String organizationId,
        UUID engagementId,
        ActivityDetails details,
        ActivityStatus status) implements ActivityEvent {
}
