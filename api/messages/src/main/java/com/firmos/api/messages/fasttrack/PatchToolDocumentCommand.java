package com.firmos.api.messages.fasttrack;

import java.util.Map;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Changes the document's data by a JSON merge patch (RFC 7396): null removes a member, objects merge. */
public record PatchToolDocumentCommand(
        @TargetAggregateIdentifier UUID documentId,
        String organizationId,
        String userId,
        long expectedVersion,
        Map<String, Object> patch) {
}
