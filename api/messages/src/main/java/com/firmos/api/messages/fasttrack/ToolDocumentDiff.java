package com.firmos.api.messages.fasttrack;

import java.util.List;

public record ToolDocumentDiff(
        long fromVersion,
        long toVersion,
        List<FieldChange> changes) {
}
