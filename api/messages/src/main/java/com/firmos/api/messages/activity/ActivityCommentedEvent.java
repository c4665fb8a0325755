package com.firmos.api.messages.activity;

import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ActivityCommentedEvent(
        UUID activityId,
        String organizationId,
        UUID engagementId,
        UUID commentId,
        String authorId,
        String text) implements CommentEvent {
}
