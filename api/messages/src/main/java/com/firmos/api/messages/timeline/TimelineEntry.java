package com.firmos.api.messages.timeline;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One stored event as the timeline, the stream and the audit log show it; internal entries are for staff only. */
public record TimelineEntry(
        String eventId,
        String organizationId,
        UUID engagementId,
        String entityType,
        String entityId,
        String eventType,
        String actorId,
        String actorName,
        Instant occurredAt,
        Map<String, Object> oldValue,
        Map<String, Object> newValue,
        String comment,
        boolean internal,
        RequestContext requestContext) {
}
