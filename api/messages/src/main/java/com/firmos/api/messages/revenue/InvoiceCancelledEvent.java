package com.firmos.api.messages.revenue;

import java.util.UUID;

import org.axonframework.serialization.Revision;

import com.firmos.api.messages.ClientScoped;

@Revision("1")
public record InvoiceCancelledEvent(
        UUID invoiceId,
        String organizationId,
        UUID clientId,
        InvoiceStatus previousStatus,
        String reason) implements InvoiceEvent, ClientScoped {
}
