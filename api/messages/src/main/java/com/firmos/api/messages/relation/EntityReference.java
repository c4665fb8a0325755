package com.firmos.api.messages.relation;

/** Any entity of a tenant: its type ("activity", "winning_move", "tenant_page", ...) and id. */
public record EntityReference(
        String type,
        String id) {
}
