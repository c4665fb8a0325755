package com.firmos.api.messages.revenue;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.axonframework.serialization.Revision;

import com.firmos.api.messages.ClientScoped;

@Revision("1")
public record InvoiceLinesAddedEvent(
        UUID invoiceId,
        String organizationId,
        UUID clientId,
        List<LineItem> lines,
        List<UUID> timeEntryIds,
        BigDecimal total) implements InvoiceEvent, ClientScoped {
}
