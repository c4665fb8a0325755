package com.firmos.api.messages.fasttrack;

import java.util.List;

public record ToolCatalogView(
        List<ToolDefinition> tools) {
}
