package com.firmos.api.messages.activity;

import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ActivityCommentEditedEvent(
        UUID activityId,
        String organizationId,
        UUID engagementId,
        UUID commentId,
        String oldText,
        String text) implements CommentEvent {
}
