package com.firmos.api.messages.revenue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.serialization.Revision;

import com.firmos.api.messages.ClientScoped;

@Revision("1")
public record InvoiceIssuedEvent(
        UUID invoiceId,
        String organizationId,
        UUID clientId,
        String number,
        long sequence,
        LocalDate dueDate,
        BigDecimal total) implements InvoiceEvent, ClientScoped {
}
