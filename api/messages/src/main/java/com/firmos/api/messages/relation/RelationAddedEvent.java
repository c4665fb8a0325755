package com.firmos.api.messages.relation;

import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record RelationAddedEvent(
        String relationGraphId,
        String organizationId,
        UUID relationId,
        EntityReference source,
        EntityReference target,
        RelationType relationType,
        String label,
        String createdBy) implements RelationGraphEvent {
}
