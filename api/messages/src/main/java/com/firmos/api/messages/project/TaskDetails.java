package com.firmos.api.messages.project;

import java.time.LocalDate;

/** The editable description of a task, created and replaced as a whole. */
public record TaskDetails(
        String title,
        String description,
        TaskPriority priority,
        TaskEffort effort,
        LocalDate dueDate,
        boolean milestone,
        boolean critical,
        ProjectPhase projectPhase) {
}
