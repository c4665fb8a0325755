package com.firmos.command.activity;

import com.firmos.api.messages.activity.ActivityDetails;
import com.firmos.command.DomainException;

/** The rules an activity's details must satisfy on create and on every edit. */
final class ActivityDetailsPolicy {

    static final int TITLE_MAX = 200;
    static final int DESCRIPTION_MAX = 10_000;
    static final int ICON_MAX = 50;
    static final int ORDER_INDEX_MAX = 100_000;

    private ActivityDetailsPolicy() {
    }

    static void check(ActivityDetails details) {
        if (details == null) {
            throw DomainException.invalid("details", "details are required");
        }
        if (details.title() == null || details.title().isBlank()) {
            throw DomainException.invalid("title", "title is required and must not be blank");
        }
        checkLength("title", details.title(), TITLE_MAX);
        checkLength("description", details.description(), DESCRIPTION_MAX);
        checkLength("icon", details.icon(), ICON_MAX);
        checkLength("iconColor", details.iconColor(), ICON_MAX);
        if (details.timeBucket() == null) {
            throw DomainException.invalid("timeBucket", "timeBucket is required");
        }
        if (details.orderIndex() < 0 || details.orderIndex() > ORDER_INDEX_MAX) {
            throw DomainException.invalid("orderIndex", "orderIndex must be between 0 and " + ORDER_INDEX_MAX);
        }
        if (details.scheduledDate() != null && details.dueDate() != null
                && details.dueDate().isBefore(details.scheduledDate())) {
            throw DomainException.invalid("dueDate", "dueDate must not be before scheduledDate");
        }
    }

    private static void checkLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw DomainException.invalid(field, field + " must be at most " + max + " characters");
        }
    }
}
