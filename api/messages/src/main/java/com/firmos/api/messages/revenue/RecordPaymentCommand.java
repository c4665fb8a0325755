package com.firmos.api.messages.revenue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordPaymentCommand(
        @TargetAggregateIdentifier UUID invoiceId,
        String organizationId,
        UUID paymentId,
        BigDecimal amount,
        LocalDate paidOn,
        String method,
        String reference) {
}
