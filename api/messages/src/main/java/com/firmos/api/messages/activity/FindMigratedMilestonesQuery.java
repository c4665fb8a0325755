package com.firmos.api.messages.activity;

import java.util.UUID;

/** The activities of an engagement that were imported from milestones, for the import's verification. */
public record FindMigratedMilestonesQuery(
        String organizationId,
        UUID engagementId) {
}
