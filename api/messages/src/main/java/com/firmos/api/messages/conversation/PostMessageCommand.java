package com.firmos.api.messages.conversation;

import java.util.List;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Posts a message to an open conversation; an internal message is for staff only. */
public record PostMessageCommand(
        @TargetAggregateIdentifier UUID messageId,
        String organizationId,
        UUID conversationId,
        String senderId,
        String content,
        List<Attachment> attachments,
        boolean internal) {
}
