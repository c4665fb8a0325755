package com.firmos.command.conversation;

import java.util.UUID;

/** What a message may know of its conversation. */
public record ConversationFacts(UUID conversationId, UUID engagementId) {
}
