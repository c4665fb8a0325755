package com.firmos.api.messages.activity;

import java.util.UUID;

import org.axonframework.serialization.Revision;

/**
 * A comment written while comments lived in their activity's stream, taken over by a stream of its own with its
 * author and current text (migration V29). Nobody acted: read models already show the comment as it is.
 */
@Revision("1")
public record ActivityCommentAdoptedEvent(
        UUID activityId,
        String organizationId,
        UUID engagementId,
        UUID commentId,
        String authorId,
        String text) implements CommentEvent {
}
