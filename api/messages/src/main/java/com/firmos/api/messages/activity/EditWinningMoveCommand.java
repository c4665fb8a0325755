package com.firmos.api.messages.activity;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record EditWinningMoveCommand(
        @TargetAggregateIdentifier UUID winningMoveId,
        String organizationId,
        @TargetAggregateVersion Long expectedVersion,
        String title,
        String description) {
}
