package com.firmos.api.messages.fasttrack;

import java.util.Map;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces the document's data; refused unless {@code expectedVersion} is the document's current version. */
public record SaveToolDocumentCommand(
        @TargetAggregateIdentifier UUID documentId,
        String organizationId,
        String userId,
        long expectedVersion,
        Map<String, Object> data) {
}
