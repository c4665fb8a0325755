package com.firmos.api.messages.activity;

import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record WinningMoveStatusChangedEvent(
        UUID winningMoveId,
        String organizationId,
        UUID engagementId,
        WinningMoveStatus oldStatus,
        WinningMoveStatus newStatus) implements WinningMoveEvent {
}
