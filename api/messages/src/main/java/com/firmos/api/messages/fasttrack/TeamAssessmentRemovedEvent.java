package com.firmos.api.messages.fasttrack;

import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record TeamAssessmentRemovedEvent(
        UUID documentId,
        String organizationId,
        String userId,
        String toolSlug,
        UUID assessmentId) implements ToolDocumentEvent {
}
