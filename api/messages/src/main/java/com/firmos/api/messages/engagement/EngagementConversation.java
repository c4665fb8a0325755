package com.firmos.api.messages.engagement;

import java.time.Instant;
import java.util.UUID;

/** An open conversation as the engagement hub lists it. */
public record EngagementConversation(
        UUID conversationId,
        String subject,
        Instant lastMessageAt) {
}
