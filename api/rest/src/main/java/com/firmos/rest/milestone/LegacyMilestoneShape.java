package com.firmos.rest.milestone;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.firmos.api.messages.activity.MilestoneStatus;
import com.firmos.api.messages.activity.MilestoneView;

/**
 * A milestone exactly as the old Workbench reads it: the columns of {@code engagement_phase_milestones}, in its
 * snake_case, plus the activity it now is.
 */
record LegacyMilestoneShape(
        UUID id,
        @JsonProperty("engagement_id") UUID engagementId,
        String title,
        String description,
        MilestoneStatus status,
        @JsonProperty("order_index") int orderIndex,
        @JsonProperty("completed_at") Instant completedAt,
        @JsonProperty("completed_by") String completedBy,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        @JsonProperty("activity_id") UUID activityId) {

    static LegacyMilestoneShape of(MilestoneView view) {
        return new LegacyMilestoneShape(view.milestoneId(), view.engagementId(), view.title(), view.description(),
                view.status(), view.orderIndex(), view.completedAt(), view.completedBy(), view.createdAt(),
                view.updatedAt(), view.activityId());
    }

    /** The list the old Workbench reads for an engagement. */
    record Milestones(List<LegacyMilestoneShape> milestones) {
    }
}
