package com.firmos.api.messages.conversation;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Soft-deletes a message; only its sender may. */
public record DeleteMessageCommand(
        @TargetAggregateIdentifier UUID messageId,
        String organizationId,
        String senderId) {
}
