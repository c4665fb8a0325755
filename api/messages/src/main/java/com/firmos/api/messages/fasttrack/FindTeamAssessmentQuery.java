package com.firmos.api.messages.fasttrack;

import java.util.UUID;

/** One team assessment of a FIT & ABC document (whose id names its owner); answers nothing when there is none. */
public record FindTeamAssessmentQuery(
        String organizationId,
        UUID documentId,
        UUID assessmentId) {
}
