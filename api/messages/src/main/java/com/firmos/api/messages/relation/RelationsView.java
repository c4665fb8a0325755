package com.firmos.api.messages.relation;

import java.util.List;

public record RelationsView(
        EntityReference entity,
        List<RelationView> outgoing,
        List<RelationView> incoming) {
}
