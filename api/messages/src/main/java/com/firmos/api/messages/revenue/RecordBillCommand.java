package com.firmos.api.messages.revenue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a vendor's bill as pending approval; the engagement link is optional. */
public record RecordBillCommand(
        @TargetAggregateIdentifier UUID billId,
        String organizationId,
        UUID vendorId,
        UUID engagementId,
        String reference,
        BigDecimal amount,
        LocalDate dueDate,
        String description) {
}
