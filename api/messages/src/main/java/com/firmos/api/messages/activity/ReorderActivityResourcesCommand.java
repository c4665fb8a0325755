package com.firmos.api.messages.activity;

import java.util.List;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Puts the activity's resources in the given order; the list names each of them exactly once. */
public record ReorderActivityResourcesCommand(
        @TargetAggregateIdentifier UUID activityId,
        String organizationId,
        List<UUID> resourceIds) {
}
