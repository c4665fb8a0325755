package com.firmos.api.messages.activity;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Deletes a comment; only its author may. */
public record DeleteActivityCommentCommand(
        UUID activityId,
        String organizationId,
        UUID commentId,
        String authorId) {

    @TargetAggregateIdentifier
    public UUID commentKey() {
        return CommentOnActivityCommand.commentKeyOf(organizationId, activityId, commentId);
    }
}
