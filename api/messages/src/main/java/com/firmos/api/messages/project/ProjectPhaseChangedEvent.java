package com.firmos.api.messages.project;

import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ProjectPhaseChangedEvent(
        UUID projectId,
        String organizationId,
        UUID engagementId,
        ProjectPhase oldPhase,
        ProjectPhase newPhase) implements ProjectEvent {
}
