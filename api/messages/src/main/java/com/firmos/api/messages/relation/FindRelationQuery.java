package com.firmos.api.messages.relation;

import java.util.UUID;

/** One relation of the tenant; answers nothing when there is none. */
public record FindRelationQuery(
        String organizationId,
        UUID relationId) {
}
