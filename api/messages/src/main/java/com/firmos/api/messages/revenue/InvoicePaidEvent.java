package com.firmos.api.messages.revenue;

import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.serialization.Revision;

import com.firmos.api.messages.ClientScoped;

@Revision("1")
public record InvoicePaidEvent(
        UUID invoiceId,
        String organizationId,
        UUID clientId,
        LocalDate paidOn) implements InvoiceEvent, ClientScoped {
}
