package com.firmos.api.messages.revenue;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Sends a draft: it gets the next number of the tenant and its lines are frozen. */
public record IssueInvoiceCommand(
        @TargetAggregateIdentifier UUID invoiceId,
        String organizationId,
        @TargetAggregateVersion Long expectedVersion) {
}
