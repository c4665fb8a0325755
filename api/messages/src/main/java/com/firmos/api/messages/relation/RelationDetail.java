package com.firmos.api.messages.relation;

import java.time.Instant;
import java.util.UUID;

/** One relation with both of its ends, each with its title when the title is known. */
public record RelationDetail(
        UUID relationId,
        RelationType relationType,
        String label,
        EntityReference source,
        String sourceTitle,
        EntityReference target,
        String targetTitle,
        String createdBy,
        Instant createdAt) {
}
