package com.firmos.api.messages.revenue;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Starts a recurring invoice; a start in the past drafts the periods since then. */
public record CreateInvoiceScheduleCommand(
        @TargetAggregateIdentifier UUID scheduleId,
        String organizationId,
        InvoiceScheduleTerms terms) {
}
