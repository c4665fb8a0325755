package com.firmos.query.timeline;

import java.util.Map;
import java.util.UUID;

/**
 * What one event means on the timeline: its activity-log event type, the engagement, the values it changed, and,
 * where the entry is about a part of its aggregate rather than the whole (one relation of a tenant's relation
 * graph), that part as the entity; otherwise the entity is the aggregate.
 */
record TimelineDescription(
        String eventType,
        UUID engagementId,
        Map<String, Object> oldValue,
        Map<String, Object> newValue,
        String comment,
        String entityType,
        String entityId,
        boolean internal) {
}
