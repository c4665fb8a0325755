package com.firmos.api.messages.revenue;

import java.math.BigDecimal;
import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record InvoiceDraftedEvent(
        UUID invoiceId,
        String organizationId,
        InvoiceDraft draft,
        BigDecimal total) implements InvoiceEvent {
}
