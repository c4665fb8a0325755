package com.firmos.api.messages.fasttrack;

import java.util.Map;
import java.util.UUID;

import org.axonframework.serialization.Revision;

/** The document's whole data after a save, and the version that save gave it. */
@Revision("1")
public record ToolDocumentSavedEvent(
        UUID documentId,
        String organizationId,
        String userId,
        String toolSlug,
        long version,
        Map<String, Object> data) implements ToolDocumentEvent {
}
