package com.firmos.api.messages.revenue;

import java.math.BigDecimal;
import java.util.UUID;

import org.axonframework.serialization.Revision;

import com.firmos.api.messages.ClientScoped;

@Revision("1")
public record InvoiceDraftEditedEvent(
        UUID invoiceId,
        String organizationId,
        UUID clientId,
        InvoiceDraft draft,
        BigDecimal total) implements InvoiceEvent, ClientScoped {
}
