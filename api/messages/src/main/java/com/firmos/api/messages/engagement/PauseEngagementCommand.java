package com.firmos.api.messages.engagement;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record PauseEngagementCommand(
        @TargetAggregateIdentifier UUID engagementId,
        String organizationId,
        @TargetAggregateVersion Long expectedVersion) {
}
