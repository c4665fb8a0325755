package com.firmos.api.messages.engagement;

import java.util.UUID;

import org.axonframework.serialization.Revision;

import com.firmos.api.messages.activity.PlaybookPhase;

@Revision("1")
public record EngagementPhaseChangedEvent(
        UUID engagementId,
        String organizationId,
        PlaybookPhase oldPhase,
        PlaybookPhase newPhase,
        String reason) implements EngagementEvent {
}
