package com.firmos.api.messages.revenue;

import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that an approved bill was paid. */
public record PayBillCommand(
        @TargetAggregateIdentifier UUID billId,
        String organizationId,
        LocalDate paidOn) {
}
