package com.firmos.query.timeline;

import static com.firmos.query.WireValues.wire;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.firmos.api.messages.activity.ActivityCreatedEvent;
import com.firmos.api.messages.activity.ActivityDetails;
import com.firmos.api.messages.activity.ActivityDetailsEditedEvent;
import com.firmos.api.messages.activity.ActivityStatusChangedEvent;
import com.firmos.api.messages.activity.ActivitySuggestionDismissedEvent;

import tools.jackson.databind.ObjectMapper;

/**
 * Describes events in the vocabulary of the seed's activity log ({@code created}, {@code status_change}, ...).
 * An event without a description of its own still gets an entry: its type from the class name and its whole
 * payload as the new value, so no event of a later aggregate is ever missing from the timeline.
 */
@Component
class TimelineDescriber {

    private final ObjectMapper json;

    TimelineDescriber(ObjectMapper json) {
        this.json = json;
    }

    TimelineDescription describe(Object payload) {
        return switch (payload) {
            case ActivityCreatedEvent e -> new TimelineDescription("created", e.engagementId(), null,
                    withStatus(detailValues(e.details()), wire(e.status())), null);
            case ActivityDetailsEditedEvent e -> describeEdit(e);
            case ActivityStatusChangedEvent e -> new TimelineDescription("status_change", e.engagementId(),
                    Map.of("status", wire(e.oldStatus())), statusChange(e), e.comment());
            case ActivitySuggestionDismissedEvent e -> new TimelineDescription("dismissed", e.engagementId(),
                    Map.of("status", "suggestion"), null, e.comment());
            default -> describeGenerically(payload);
        };
    }

    private TimelineDescription describeEdit(ActivityDetailsEditedEvent event) {
        Map<String, Object> before = detailValues(event.previous());
        Map<String, Object> after = detailValues(event.details());
        Map<String, Object> oldValue = new LinkedHashMap<>();
        Map<String, Object> newValue = new LinkedHashMap<>();
        after.forEach((field, value) -> {
            if (!Objects.equals(before.get(field), value)) {
                oldValue.put(field, before.get(field));
                newValue.put(field, value);
            }
        });
        return new TimelineDescription("details_edited", event.engagementId(), oldValue, newValue, null);
    }

    private static Map<String, Object> statusChange(ActivityStatusChangedEvent event) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("status", wire(event.newStatus()));
        if (event.completedBy() != null) {
            value.put("completedBy", event.completedBy());
            value.put("completedAt", event.completedAt().toString());
        }
        return value;
    }

    private Map<String, Object> detailValues(ActivityDetails details) {
        Map<String, Object> values = toMap(details);
        values.computeIfPresent("phase", (field, phase) -> phase.toString().toLowerCase(Locale.ROOT));
        values.computeIfPresent("timeBucket", (field, bucket) -> bucket.toString().toLowerCase(Locale.ROOT));
        return values;
    }

    private static Map<String, Object> withStatus(Map<String, Object> values, String status) {
        values.put("status", status);
        return values;
    }

    private TimelineDescription describeGenerically(Object payload) {
        Map<String, Object> values = toMap(payload);
        Object engagement = values.get("engagementId");
        String type = snakeCase(payload.getClass().getSimpleName().replaceFirst("Event$", ""));
        return new TimelineDescription(type,
                engagement == null ? null : UUID.fromString(engagement.toString()), null, values, null);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> toMap(Object value) {
        return new LinkedHashMap<>(json.convertValue(value, Map.class));
    }

    /** {@code ProjectPhaseAdvanced} becomes {@code project_phase_advanced}. */
    static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
