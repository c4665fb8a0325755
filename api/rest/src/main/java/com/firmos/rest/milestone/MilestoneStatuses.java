package com.firmos.rest.milestone;

import java.util.Map;
import java.util.Optional;

import com.firmos.api.messages.activity.ActivityStatus;
import com.firmos.api.messages.activity.MilestoneStatus;

/** Milestone statuses renamed to activity statuses (docs/DOMAIN.md), in one place for the bridge and the import. */
final class MilestoneStatuses {

    private static final Map<MilestoneStatus, ActivityStatus> ACTIVITY = Map.of(
            MilestoneStatus.PENDING, ActivityStatus.PLANNED,
            MilestoneStatus.IN_PROGRESS, ActivityStatus.IN_PROGRESS,
            MilestoneStatus.COMPLETED, ActivityStatus.DONE,
            MilestoneStatus.SKIPPED, ActivityStatus.SKIPPED);
    private static final Map<String, MilestoneStatus> LEGACY = Map.of("pending", MilestoneStatus.PENDING,
            "in_progress", MilestoneStatus.IN_PROGRESS, "completed", MilestoneStatus.COMPLETED,
            "skipped", MilestoneStatus.SKIPPED);

    private MilestoneStatuses() {
    }

    static ActivityStatus activity(MilestoneStatus status) {
        return ACTIVITY.get(status);
    }

    /** A status as the old database stores it ({@code pending}, ...); empty for anything else. */
    static Optional<MilestoneStatus> legacy(String stored) {
        return Optional.ofNullable(stored == null ? null : LEGACY.get(stored));
    }
}
