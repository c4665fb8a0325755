package com.firmos.api.messages.crm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record DealEditedEvent(
        UUID dealId,
        String organizationId,
        UUID clientId,
        String name,
        DealType type,
        DealSource source,
        BigDecimal value,
        LocalDate expectedCloseDate,
        String ownerId) implements DealEvent {
}
