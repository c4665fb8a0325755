package com.firmos.api.messages.conversation;

import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ConversationStartedEvent(
        UUID conversationId,
        String organizationId,
        UUID engagementId,
        String subject) implements ConversationEvent {
}
