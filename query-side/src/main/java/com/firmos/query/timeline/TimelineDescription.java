package com.firmos.query.timeline;

import java.util.Map;
import java.util.UUID;

/** What one event means on the timeline: its seed event type, the engagement, and the values it changed. */
record TimelineDescription(
        String eventType,
        UUID engagementId,
        Map<String, Object> oldValue,
        Map<String, Object> newValue,
        String comment) {
}
