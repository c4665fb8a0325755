package com.firmos.api.messages.revenue;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record EditInvoiceDraftCommand(
        @TargetAggregateIdentifier UUID invoiceId,
        String organizationId,
        @TargetAggregateVersion Long expectedVersion,
        InvoiceDraft draft) {
}
