package com.firmos.api.messages.fasttrack;

import java.time.Instant;
import java.util.Map;

public record ToolDocumentVersion(
        long version,
        Instant savedAt,
        Map<String, Object> data) {
}
