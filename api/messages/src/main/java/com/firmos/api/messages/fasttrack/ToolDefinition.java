package com.firmos.api.messages.fasttrack;

import java.util.List;
import java.util.Map;

/** A Fast Track tool: its sprint, slug, name, the JSON Schema of its data, child tables and references. */
public record ToolDefinition(
        int sprint,
        String slug,
        String name,
        int schemaVersion,
        Map<String, Object> schema,
        List<String> childTables,
        Map<String, String> references) {
}
