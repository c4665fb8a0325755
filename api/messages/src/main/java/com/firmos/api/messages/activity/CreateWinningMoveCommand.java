package com.firmos.api.messages.activity;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Creates a winning move of an engagement; the source phase defaults to align. */
public record CreateWinningMoveCommand(
        @TargetAggregateIdentifier UUID winningMoveId,
        String organizationId,
        UUID engagementId,
        String title,
        String description,
        PlaybookPhase sourcePhase,
        UUID sourceActivityId) {
}
