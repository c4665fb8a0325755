package com.firmos.api.messages.conversation;

import java.util.UUID;

import com.firmos.api.messages.EngagementScoped;
import com.firmos.api.messages.TenantScoped;

/** An event of a conversation of an engagement. */
public sealed interface ConversationEvent extends TenantScoped, EngagementScoped
        permits ConversationStartedEvent, ConversationClosedEvent, ConversationReopenedEvent {

    UUID conversationId();
}
