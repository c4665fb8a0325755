package com.firmos.api.messages.activity;

import java.util.UUID;

/** One milestone by the id the old Workbench knows: a migrated milestone's id or an activity's. */
public record FindMilestoneQuery(
        String organizationId,
        UUID milestoneId) {
}
