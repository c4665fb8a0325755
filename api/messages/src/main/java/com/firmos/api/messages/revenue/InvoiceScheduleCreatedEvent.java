package com.firmos.api.messages.revenue;

import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record InvoiceScheduleCreatedEvent(
        UUID scheduleId,
        String organizationId,
        InvoiceScheduleTerms terms,
        LocalDate firstOn) implements InvoiceScheduleEvent {
}
