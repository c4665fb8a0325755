package com.firmos.api.messages.revenue;

import java.util.UUID;

import org.axonframework.serialization.Revision;

/** The tenant's numbering handed out its next number; numbers are never reused, so issue order has no gaps. */
@Revision("1")
public record InvoiceNumberAssignedEvent(
        String numberingId,
        String organizationId,
        long sequence,
        UUID invoiceId,
        String number) implements InvoiceNumberingEvent {
}
