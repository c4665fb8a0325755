package com.firmos.api.messages.activity;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Changes a comment's text; only its author may. */
public record EditActivityCommentCommand(
        UUID activityId,
        String organizationId,
        UUID commentId,
        String authorId,
        String text) {

    @TargetAggregateIdentifier
    public UUID commentKey() {
        return CommentOnActivityCommand.commentKeyOf(organizationId, activityId, commentId);
    }
}
