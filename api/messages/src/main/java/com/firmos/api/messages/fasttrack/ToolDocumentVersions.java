package com.firmos.api.messages.fasttrack;

import java.util.List;

public record ToolDocumentVersions(
        String toolSlug,
        List<ToolDocumentVersion> versions) {
}
