package com.firmos.api.messages.fasttrack;

import java.time.Instant;

/** One tool for one user; {@code status} is null while the user has not started it. */
public record ToolStatusRow(
        String userId,
        int sprint,
        String toolSlug,
        String toolName,
        ToolDocumentStatus status,
        long version,
        Instant updatedAt) {
}
