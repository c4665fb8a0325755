package com.firmos.rest.activity;

import java.time.LocalDate;
import java.util.UUID;

import com.firmos.api.messages.activity.ActivityDetails;
import com.firmos.api.messages.activity.ActivityStatus;
import com.firmos.api.messages.activity.PlaybookPhase;
import com.firmos.api.messages.activity.TimeBucket;

/**
 * The body of a create. {@code id} is optional: a client that sends one can retry safely.
 * {@code status} defaults to planned, {@code timeBucket} to this quarter, {@code orderIndex} to the end of
 * the bucket.
 */
record CreateActivityRequest(
        UUID id,
        UUID engagementId,
        String title,
        String description,
        String icon,
        String iconColor,
        ActivityStatus status,
        PlaybookPhase phase,
        TimeBucket timeBucket,
        LocalDate scheduledDate,
        LocalDate dueDate,
        Integer orderIndex) {

    ActivityDetails details() {
        return new EditActivityRequest(title, description, icon, iconColor, phase, timeBucket, scheduledDate,
                dueDate, orderIndex).details();
    }
}
