package com.firmos.command.activity;

import java.util.EnumSet;
import java.util.Set;

import com.firmos.api.messages.activity.ActivityStatus;

/**
 * The activity's status machine. A dismissed suggestion is a final state of the aggregate that no board
 * status represents, which is why the lifecycle is an enum of its own rather than {@link ActivityStatus}.
 */
enum ActivityLifecycle {
    SUGGESTION(ActivityStatus.SUGGESTION),
    PLANNED(ActivityStatus.PLANNED),
    IN_PROGRESS(ActivityStatus.IN_PROGRESS),
    DONE(ActivityStatus.DONE),
    SKIPPED(ActivityStatus.SKIPPED),
    DISMISSED(null);

    private final ActivityStatus status;

    ActivityLifecycle(ActivityStatus status) {
        this.status = status;
    }

    ActivityStatus status() {
        return status;
    }

    Set<ActivityStatus> allowedTargets() {
        return switch (this) {
            case SUGGESTION, DONE, SKIPPED -> EnumSet.of(ActivityStatus.PLANNED);
            case PLANNED -> EnumSet.of(ActivityStatus.IN_PROGRESS, ActivityStatus.DONE, ActivityStatus.SKIPPED);
            case IN_PROGRESS -> EnumSet.of(ActivityStatus.PLANNED, ActivityStatus.DONE, ActivityStatus.SKIPPED);
            case DISMISSED -> EnumSet.noneOf(ActivityStatus.class);
        };
    }

    boolean canMoveTo(ActivityStatus target) {
        return allowedTargets().contains(target);
    }

    static ActivityLifecycle of(ActivityStatus status) {
        return valueOf(status.name());
    }
}
