package com.firmos.command.project;

import java.util.EnumSet;
import java.util.Set;

import com.firmos.api.messages.project.TaskStatus;

/** Tasks go {@code todo → in_progress → review → completed}; any open task may be cancelled (docs/DOMAIN.md). */
final class TaskLifecycle {

    private TaskLifecycle() {
    }

    static Set<TaskStatus> allowedTargets(TaskStatus from) {
        return switch (from) {
            case TODO -> EnumSet.of(TaskStatus.IN_PROGRESS, TaskStatus.CANCELLED);
            case IN_PROGRESS -> EnumSet.of(TaskStatus.REVIEW, TaskStatus.CANCELLED);
            case REVIEW -> EnumSet.of(TaskStatus.COMPLETED, TaskStatus.CANCELLED);
            case COMPLETED, CANCELLED -> EnumSet.noneOf(TaskStatus.class);
        };
    }

    static boolean finished(TaskStatus status) {
        return allowedTargets(status).isEmpty();
    }
}
