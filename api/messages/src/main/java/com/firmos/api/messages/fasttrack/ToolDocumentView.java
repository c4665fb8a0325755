package com.firmos.api.messages.fasttrack;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The document with its child entities; tools that keep none have empty lists. */
public record ToolDocumentView(
        UUID id,
        String userId,
        String toolSlug,
        ToolDocumentStatus status,
        long version,
        Map<String, Object> data,
        Instant createdAt,
        Instant updatedAt,
        Instant completedAt,
        Instant submittedAt,
        List<Hypothesis> hypotheses,
        List<TeamAssessment> teamAssessments) {
}
