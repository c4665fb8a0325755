package com.firmos.api.messages.activity;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RemoveActivityResourceCommand(
        @TargetAggregateIdentifier UUID activityId,
        String organizationId,
        UUID resourceId) {
}
