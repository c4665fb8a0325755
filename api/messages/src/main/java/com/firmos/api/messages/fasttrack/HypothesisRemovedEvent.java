package com.firmos.api.messages.fasttrack;

import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record HypothesisRemovedEvent(
        UUID documentId,
        String organizationId,
        String userId,
        String toolSlug,
        UUID hypothesisId) implements ToolDocumentEvent {
}
