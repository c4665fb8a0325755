package com.firmos.rest.milestone;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an import did (or, in a dry run, would do) and how source and result compare per engagement. An import
 * {@code matches} when every milestone of the source is an activity with the renamed status.
 */
record MilestoneImportReport(
        boolean dryRun,
        String sourceOrganization,
        int engagements,
        int milestones,
        int imported,
        int alreadyImported,
        int refused,
        boolean matches,
        List<Action> actions,
        List<EngagementCheck> verification) {

    /** {@code kind}: open-engagement, import-milestone, pause-engagement, close-engagement or refused. */
    record Action(String kind, UUID engagementId, UUID milestoneId, UUID activityId, String detail) {
    }

    /** Source against result for one engagement: counts by status, and the milestones that differ. */
    record EngagementCheck(UUID engagementId, int sourceMilestones, int importedActivities,
            Map<String, Integer> sourceStatuses, Map<String, Integer> importedStatuses, List<UUID> missing,
            List<UUID> statusDiffers, boolean matches) {
    }
}
