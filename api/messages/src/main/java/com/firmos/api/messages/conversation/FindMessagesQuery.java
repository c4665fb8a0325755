package com.firmos.api.messages.conversation;

import java.util.UUID;

/** A page of a conversation's messages, newest first. */
public record FindMessagesQuery(
        String organizationId,
        UUID conversationId,
        boolean includeInternal,
        String cursor,
        int limit) {
}
