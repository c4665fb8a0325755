package com.firmos.api.messages.relation;

import java.util.UUID;

public record GraphEdge(
        UUID relationId,
        EntityReference source,
        EntityReference target,
        RelationType relationType,
        String label) {
}
