package com.firmos.api.messages.conversation;

import java.util.UUID;

import com.firmos.api.messages.EngagementScoped;
import com.firmos.api.messages.TenantScoped;

/** An event of a message in a conversation. */
public sealed interface MessageEvent extends TenantScoped, EngagementScoped
        permits MessagePostedEvent, MessageEditedEvent, MessageDeletedEvent {

    UUID messageId();
}
