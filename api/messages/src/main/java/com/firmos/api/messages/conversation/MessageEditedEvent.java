package com.firmos.api.messages.conversation;

import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record MessageEditedEvent(
        UUID messageId,
        String organizationId,
        UUID engagementId,
        UUID conversationId,
        boolean internal,
        String oldContent,
        String content) implements MessageEvent {
}
