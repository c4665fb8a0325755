package com.firmos.api.messages.conversation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record MessageView(
        UUID id,
        UUID conversationId,
        String senderId,
        String senderName,
        String content,
        List<Attachment> attachments,
        boolean internal,
        Instant createdAt,
        Instant editedAt) {
}
