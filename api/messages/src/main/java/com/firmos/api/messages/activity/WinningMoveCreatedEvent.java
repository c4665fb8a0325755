package com.firmos.api.messages.activity;

import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record WinningMoveCreatedEvent(
        UUID winningMoveId,
        String organizationId,
        UUID engagementId,
        String title,
        String description,
        PlaybookPhase sourcePhase,
        UUID sourceActivityId) implements WinningMoveEvent {
}
