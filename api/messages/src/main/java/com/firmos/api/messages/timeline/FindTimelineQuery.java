package com.firmos.api.messages.timeline;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * One page of a tenant's timeline, newest first. Every filter but the tenant is optional; an empty set of event
 * types means all of them.
 *
 * @param cursor the {@code nextCursor} of the previous page, or {@code null} for the first page
 */
public record FindTimelineQuery(
        String organizationId,
        UUID engagementId,
        String entityType,
        String entityId,
        Set<String> eventTypes,
        String actorId,
        Instant from,
        Instant to,
        String cursor,
        int limit) {
}
