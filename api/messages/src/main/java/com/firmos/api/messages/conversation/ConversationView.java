package com.firmos.api.messages.conversation;

import java.time.Instant;
import java.util.UUID;

public record ConversationView(
        UUID id,
        UUID engagementId,
        String subject,
        ConversationStatus status,
        Instant lastMessageAt,
        int messageCount,
        Instant createdAt,
        long version) {
}
