package com.firmos.api.messages.revenue;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Adds billable, unbilled time entries to a draft invoice as lines (hours × the rate given); each entry is
 * billed on at most one invoice.
 */
public record BillTimeEntriesCommand(
        @TargetAggregateIdentifier UUID invoiceId,
        String organizationId,
        List<UUID> timeEntryIds,
        BigDecimal hourlyRate) {
}
