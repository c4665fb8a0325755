package com.firmos.api.messages.crm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ClientCreatedEvent(
        UUID clientId,
        String organizationId,
        String name,
        ClientStatus status,
        BigDecimal budget,
        LocalDate deadline) implements ClientEvent {
}
