package com.firmos.api.messages.fasttrack;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens the user's document of a tool; there is one per organization, user and tool. */
public record StartToolDocumentCommand(
        @TargetAggregateIdentifier UUID documentId,
        String organizationId,
        String userId,
        String toolSlug) {
}
