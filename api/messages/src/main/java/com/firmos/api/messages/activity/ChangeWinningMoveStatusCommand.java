package com.firmos.api.messages.activity;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Achieves, archives or reactivates a winning move. */
public record ChangeWinningMoveStatusCommand(
        @TargetAggregateIdentifier UUID winningMoveId,
        String organizationId,
        @TargetAggregateVersion Long expectedVersion,
        WinningMoveStatus status) {
}
