package com.firmos.api.messages;

import java.util.UUID;

/** Whether the tenant has the entity a collection is read under; answers a Boolean. */
public record ParentExistsQuery(
        String organizationId,
        ParentKind kind,
        UUID id) {
}
