package com.firmos.api.messages.revenue;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DraftInvoiceCommand(
        @TargetAggregateIdentifier UUID invoiceId,
        String organizationId,
        InvoiceDraft draft) {
}
