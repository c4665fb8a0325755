package com.firmos.api.messages.activity;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Marks that the activity has made its contribution to a linked winning move. */
public record CompleteWinningMoveContributionCommand(
        @TargetAggregateIdentifier UUID activityId,
        String organizationId,
        UUID winningMoveId) {
}
