package com.firmos.api.messages.relation;

public record GraphNode(
        EntityReference entity,
        String title,
        String status) {
}
