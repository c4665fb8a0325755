package com.firmos.api.messages.activity;

import java.util.UUID;

import org.axonframework.serialization.Revision;

/** Carries the details before and after, so the timeline can show what changed. */
@Revision("1")
public record ActivityDetailsEditedEvent(
        UUID activityId,
        String organizationId,
        UUID engagementId,
        ActivityDetails previous,
        ActivityDetails details) implements ActivityEvent {
}
