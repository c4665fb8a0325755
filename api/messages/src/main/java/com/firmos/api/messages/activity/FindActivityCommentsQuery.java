package com.firmos.api.messages.activity;

import java.util.UUID;

/** Answers with the activity's comments, oldest first. */
public record FindActivityCommentsQuery(
        String organizationId,
        UUID activityId) {
}
