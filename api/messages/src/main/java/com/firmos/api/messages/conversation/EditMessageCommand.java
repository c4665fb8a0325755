package com.firmos.api.messages.conversation;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Changes a message's content; only its sender may. */
public record EditMessageCommand(
        @TargetAggregateIdentifier UUID messageId,
        String organizationId,
        String senderId,
        String content) {
}
