package com.firmos.api.messages.conversation;

/** Whether a conversation takes messages. */
public enum ConversationStatus {
    OPEN,
    CLOSED
}
