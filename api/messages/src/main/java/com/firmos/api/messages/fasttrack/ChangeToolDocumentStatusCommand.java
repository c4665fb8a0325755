package com.firmos.api.messages.fasttrack;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Moves the document on (draft, in progress, completed, submitted) or reopens a completed one. */
public record ChangeToolDocumentStatusCommand(
        @TargetAggregateIdentifier UUID documentId,
        String organizationId,
        String userId,
        ToolDocumentStatus status) {
}
