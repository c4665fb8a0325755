package com.firmos.api.messages.revenue;

import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record InvoiceScheduleEndedEvent(
        UUID scheduleId,
        String organizationId) implements InvoiceScheduleEvent {
}
