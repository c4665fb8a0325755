package com.firmos.api.messages.activity;

import java.util.UUID;

/** The engagement's activities in milestone shape, for the old Workbench during the bridge period. */
public record FindMilestonesQuery(
        String organizationId,
        UUID engagementId) {
}
