package com.firmos.api.messages.conversation;

import java.util.List;
import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record MessagePostedEvent(
        UUID messageId,
        String organizationId,
        UUID engagementId,
        UUID conversationId,
        String senderId,
        String content,
        List<Attachment> attachments,
        boolean internal) implements MessageEvent {
}
