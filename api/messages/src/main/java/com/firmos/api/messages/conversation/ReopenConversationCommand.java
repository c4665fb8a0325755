package com.firmos.api.messages.conversation;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReopenConversationCommand(
        @TargetAggregateIdentifier UUID conversationId,
        String organizationId) {
}
