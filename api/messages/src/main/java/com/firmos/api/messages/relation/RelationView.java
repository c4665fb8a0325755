package com.firmos.api.messages.relation;

import java.time.Instant;
import java.util.UUID;

/** One relation seen from one side: the entity on the other side with its title, when the title is known. */
public record RelationView(
        UUID relationId,
        RelationType relationType,
        String label,
        EntityReference other,
        String otherTitle,
        String createdBy,
        Instant createdAt) {
}
