package com.firmos.api.messages.conversation;

import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ConversationReopenedEvent(
        UUID conversationId,
        String organizationId,
        UUID engagementId) implements ConversationEvent {
}
