package com.firmos.api.messages.activity;

import java.time.LocalDate;

/**
 * The editable description of an activity, created and replaced as a whole. {@code orderIndex} is the requested
 * position in its time bucket ({@code null}: the end); the board keeps positions dense.
 */
public record ActivityDetails(
        String title,
        String description,
        String icon,
        String iconColor,
        PlaybookPhase phase,
        TimeBucket timeBucket,
        LocalDate scheduledDate,
        LocalDate dueDate,
        Integer orderIndex) {
}
