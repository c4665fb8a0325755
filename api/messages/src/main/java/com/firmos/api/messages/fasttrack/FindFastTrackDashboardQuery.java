package com.firmos.api.messages.fasttrack;

/** Every tool with the user's status, or, without a user, every document of the organization. */
public record FindFastTrackDashboardQuery(
        String organizationId,
        String userId) {
}
