package com.firmos.api.messages.revenue;

import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.serialization.Revision;

/** A period of a schedule came due: the invoice with this id is to be drafted; {@code nextOn} is null at the end. */
@Revision("1")
public record ScheduledInvoiceDueEvent(
        UUID scheduleId,
        String organizationId,
        LocalDate periodOn,
        UUID invoiceId,
        InvoiceDraft draft,
        LocalDate nextOn) implements InvoiceScheduleEvent {
}
