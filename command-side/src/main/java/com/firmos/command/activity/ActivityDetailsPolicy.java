package com.firmos.command.activity;

import com.firmos.api.messages.activity.ActivityDetails;
import com.firmos.command.DomainException;
import com.firmos.command.FieldRules;

/** The rules an activity's details must satisfy on create and on every edit. */
final class ActivityDetailsPolicy {

    static final int TITLE_MAX = 200;
    static final int DESCRIPTION_MAX = 10_000;
    static final int ICON_MAX = 50;
    static final int POSITION_MAX = 100_000;

    private ActivityDetailsPolicy() {
    }

    static void check(ActivityDetails details) {
        FieldRules.required("details", details);
        FieldRules.requiredText("title", details.title(), TITLE_MAX);
        FieldRules.maxLength("description", details.description(), DESCRIPTION_MAX);
        FieldRules.maxLength("icon", details.icon(), ICON_MAX);
        FieldRules.maxLength("iconColor", details.iconColor(), ICON_MAX);
        FieldRules.required("timeBucket", details.timeBucket());
        checkPosition("orderIndex", details.orderIndex());
        if (details.scheduledDate() != null && details.dueDate() != null
                && details.dueDate().isBefore(details.scheduledDate())) {
            throw DomainException.invalid("dueDate", "dueDate must not be before scheduledDate");
        }
    }

    static void checkPosition(String field, Integer position) {
        if (position != null && (position < 0 || position > POSITION_MAX)) {
            throw DomainException.invalid(field, field + " must be between 0 and " + POSITION_MAX);
        }
    }
}
