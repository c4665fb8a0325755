package com.firmos.api.messages.fasttrack;

import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record HypothesisEditedEvent(
        UUID documentId,
        String organizationId,
        String userId,
        String toolSlug,
        UUID hypothesisId,
        HypothesisDetails details) implements ToolDocumentEvent {
}
