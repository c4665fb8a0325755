package com.firmos.api.messages.fasttrack;

import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record TeamAssessmentAddedEvent(
        UUID documentId,
        String organizationId,
        String userId,
        String toolSlug,
        UUID assessmentId,
        TeamAssessmentDetails details) implements ToolDocumentEvent {
}
