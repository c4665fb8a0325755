package com.firmos.api.messages.activity;

import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record WinningMoveEditedEvent(
        UUID winningMoveId,
        String organizationId,
        UUID engagementId,
        String oldTitle,
        String title,
        String oldDescription,
        String description) implements WinningMoveEvent {
}
