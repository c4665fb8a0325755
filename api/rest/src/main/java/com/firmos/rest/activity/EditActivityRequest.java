package com.firmos.rest.activity;

import java.time.LocalDate;

import com.firmos.api.messages.activity.ActivityDetails;
import com.firmos.api.messages.activity.PlaybookPhase;
import com.firmos.api.messages.activity.TimeBucket;

/**
 * The body of a PUT: the complete new details; an absent field is cleared, as PUT replaces. Its defaults
 * (this quarter, order 0) are those of a create too.
 */
record EditActivityRequest(
        String title,
        String description,
        String icon,
        String iconColor,
        PlaybookPhase phase,
        TimeBucket timeBucket,
        LocalDate scheduledDate,
        LocalDate dueDate,
        Integer orderIndex) {

    ActivityDetails details() {
        return new ActivityDetails(title, description, icon, iconColor, phase,
                timeBucket == null ? TimeBucket.THIS_QUARTER : timeBucket, scheduledDate, dueDate,
                orderIndex == null ? 0 : orderIndex);
    }
}
