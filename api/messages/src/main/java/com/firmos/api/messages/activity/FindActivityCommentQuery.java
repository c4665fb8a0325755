package com.firmos.api.messages.activity;

import java.util.UUID;

/** One comment of one activity of the tenant; answers nothing when there is none. */
public record FindActivityCommentQuery(
        String organizationId,
        UUID activityId,
        UUID commentId) {
}
