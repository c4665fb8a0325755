package com.firmos.api.messages.activity;

import java.time.Instant;
import java.util.UUID;

public record ActivityComment(
        UUID commentId,
        UUID activityId,
        String authorId,
        String authorName,
        String text,
        Instant createdAt,
        Instant editedAt) {
}
