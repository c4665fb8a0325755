package com.firmos.api.messages.activity;

import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ActivityMovedEvent(
        UUID activityId,
        String organizationId,
        UUID engagementId,
        TimeBucket fromBucket,
        TimeBucket toBucket,
        Integer position) implements ActivityEvent {
}
