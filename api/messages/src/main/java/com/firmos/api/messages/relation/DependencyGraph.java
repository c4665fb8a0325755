package com.firmos.api.messages.relation;

import java.util.List;
import java.util.UUID;

public record DependencyGraph(
        UUID engagementId,
        List<GraphNode> nodes,
        List<GraphEdge> edges) {
}
