package com.firmos.api.messages.revenue;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Cancels a bill that is not paid, with a reason. */
public record CancelBillCommand(
        @TargetAggregateIdentifier UUID billId,
        String organizationId,
        String reason) {
}
