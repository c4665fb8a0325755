package com.firmos.api.messages.crm;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record DealStageChangedEvent(
        UUID dealId,
        String organizationId,
        UUID clientId,
        DealStage oldStage,
        DealStage newStage,
        int probability,
        Instant changedAt) implements DealEvent {
}
