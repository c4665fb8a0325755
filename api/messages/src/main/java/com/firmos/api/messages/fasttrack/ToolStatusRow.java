package com.firmos.api.messages.fasttrack;

import java.time.Instant;

/**
 * One tool for one user: the document's status (null while not started), progress with the share of the tool's
 * fields filled in, the save version and when the document last changed.
 */
public record ToolStatusRow(
        String userId,
        int sprint,
        String toolSlug,
        String toolName,
        ToolDocumentStatus status,
        ToolProgressStatus progress,
        int percentage,
        long version,
        Instant lastAccessedAt,
        Instant completedAt) {
}
