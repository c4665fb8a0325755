package com.firmos.api.messages.crm;

import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record DealLostEvent(
        UUID dealId,
        String organizationId,
        UUID clientId,
        DealStage fromStage,
        String lossReason,
        LocalDate closedOn) implements DealEvent {
}
