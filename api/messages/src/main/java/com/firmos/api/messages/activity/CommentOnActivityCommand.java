package com.firmos.api.messages.activity;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Comments on an activity. The comment is an aggregate of its own, keyed by {@link #commentKeyOf}: the client
 * chooses comment ids, and they are unique only on their activity.
 */
public record CommentOnActivityCommand(
        UUID activityId,
        String organizationId,
        UUID commentId,
        String authorId,
        String text) {

    @TargetAggregateIdentifier
    public UUID commentKey() {
        return commentKeyOf(organizationId, activityId, commentId);
    }

    /**
     * A name-based UUID of tenant, activity and comment id: the same comment id on another activity, or in another
     * tenant, names another comment, and never lands on or blocks this one.
     */
    public static UUID commentKeyOf(String organizationId, UUID activityId, UUID commentId) {
        return UUID.nameUUIDFromBytes(("activity-comment:" + organizationId + "/" + activityId + "/" + commentId)
                .getBytes(StandardCharsets.UTF_8));
    }
}
