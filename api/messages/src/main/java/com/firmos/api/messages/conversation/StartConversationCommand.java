package com.firmos.api.messages.conversation;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record StartConversationCommand(
        @TargetAggregateIdentifier UUID conversationId,
        String organizationId,
        UUID engagementId,
        String subject) {
}
