package com.firmos.api.messages.revenue;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that the client opened the invoice in the portal. */
public record MarkInvoiceViewedCommand(
        @TargetAggregateIdentifier UUID invoiceId,
        String organizationId) {
}
