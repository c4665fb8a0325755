package com.firmos.api.messages.fasttrack;

import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ToolDocumentStatusChangedEvent(
        UUID documentId,
        String organizationId,
        String userId,
        String toolSlug,
        ToolDocumentStatus from,
        ToolDocumentStatus to) implements ToolDocumentEvent {
}
