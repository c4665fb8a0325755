package com.firmos.api.messages.relation;

/** An entity's outgoing and incoming relations. */
public record FindRelationsQuery(
        String organizationId,
        EntityReference entity) {
}
