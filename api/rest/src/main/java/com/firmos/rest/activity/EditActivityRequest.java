package com.firmos.rest.activity;

import java.time.LocalDate;

import com.firmos.api.messages.activity.ActivityDetails;
import com.firmos.api.messages.activity.PlaybookPhase;
import com.firmos.api.messages.activity.TimeBucket;

/**
 * The body of a PUT: the complete new details; an absent field is cleared, as PUT replaces, except the card's
 * place: an absent {@code timeBucket} keeps its bucket and an absent {@code orderIndex} its position.
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

    /** The details with defaults for a new card: this quarter, at the end. */
    ActivityDetails details() {
        return details(TimeBucket.THIS_QUARTER);
    }

    /** The details an edit sends: without a bucket the card stays in its own, without a position in its place. */
    ActivityDetails details(TimeBucket currentBucket) {
        return new ActivityDetails(title, description, icon, iconColor, phase,
                timeBucket == null ? currentBucket : timeBucket, scheduledDate, dueDate, orderIndex);
    }
}
