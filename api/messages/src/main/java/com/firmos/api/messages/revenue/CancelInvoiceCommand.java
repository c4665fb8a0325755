package com.firmos.api.messages.revenue;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CancelInvoiceCommand(
        @TargetAggregateIdentifier UUID invoiceId,
        String organizationId,
        String reason) {
}
