package com.firmos.api.messages.relation;

import java.util.UUID;

/** The engagement's activities and winning moves and the relations between them. */
public record FindDependencyGraphQuery(
        String organizationId,
        UUID engagementId) {
}
