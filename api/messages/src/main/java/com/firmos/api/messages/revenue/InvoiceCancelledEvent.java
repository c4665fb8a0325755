package com.firmos.api.messages.revenue;

import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record InvoiceCancelledEvent(
        UUID invoiceId,
        String organizationId,
        UUID clientId,
        InvoiceStatus previousStatus,
        String reason) {
}
