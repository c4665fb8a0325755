package com.firmos.api.messages.revenue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.serialization.Revision;

import com.firmos.api.messages.ClientScoped;

@Revision("1")
public record PaymentRecordedEvent(
        UUID invoiceId,
        String organizationId,
        UUID clientId,
        UUID paymentId,
        BigDecimal amount,
        LocalDate paidOn,
        String method,
        String reference,
        BigDecimal balanceDue) implements InvoiceEvent, ClientScoped {
}
