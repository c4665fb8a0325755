package com.firmos.api.messages.revenue;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Approves a pending bill for payment. */
public record ApproveBillCommand(
        @TargetAggregateIdentifier UUID billId,
        String organizationId) {
}
