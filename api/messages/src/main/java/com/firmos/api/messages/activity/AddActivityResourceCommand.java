package com.firmos.api.messages.activity;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AddActivityResourceCommand(
        @TargetAggregateIdentifier UUID activityId,
        String organizationId,
        ActivityResource resource) {
}
