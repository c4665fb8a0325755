package com.firmos.api.messages.conversation;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record MessageDeletedEvent(
        UUID messageId,
        String organizationId,
        UUID engagementId,
        UUID conversationId,
        boolean internal,
        Instant deletedAt) implements MessageEvent {
}
