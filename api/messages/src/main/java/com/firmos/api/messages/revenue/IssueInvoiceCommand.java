package com.firmos.api.messages.revenue;

import java.util.List;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import com.firmos.api.messages.LoadsOtherAggregates;

/** Sends a draft: it gets the next number of the tenant and its lines are frozen. */
public record IssueInvoiceCommand(
        @TargetAggregateIdentifier UUID invoiceId,
        String organizationId,
        @TargetAggregateVersion Long expectedVersion) implements LoadsOtherAggregates {

    /** The id of a tenant's invoice numbering is this prefix and the tenant's id. */
    public static final String NUMBERING_PREFIX = "invoice-numbering:";

    /** Every issue of the tenant takes its next number from the tenant's numbering. */
    @Override
    public List<String> otherAggregates() {
        return List.of(NUMBERING_PREFIX + organizationId);
    }
}
