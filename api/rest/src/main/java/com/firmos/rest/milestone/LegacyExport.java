package com.firmos.rest.milestone;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The old Workbench's two tables as a JSON export: their rows under the tables' names, with the tables' column
 * names. Columns the migration does not map (timestamps, proposal links) may be present and are ignored.
 */
record LegacyExport(
        List<Engagement> engagements,
        @JsonProperty("engagement_phase_milestones") List<Milestone> milestones) {

    /** {@code status}: 1 active, 2 paused, 3 closed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Engagement(UUID id, @JsonProperty("org_id") String orgId, @JsonProperty("client_id") UUID clientId,
            String name, Integer status, String phase) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Milestone(UUID id, @JsonProperty("engagement_id") UUID engagementId, String title, String description,
            String status, @JsonProperty("order_index") Integer orderIndex,
            @JsonProperty("completed_at") Instant completedAt, @JsonProperty("completed_by") String completedBy) {
    }
}
