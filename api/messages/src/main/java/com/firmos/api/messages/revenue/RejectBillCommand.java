package com.firmos.api.messages.revenue;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Rejects a pending bill, with a reason. */
public record RejectBillCommand(
        @TargetAggregateIdentifier UUID billId,
        String organizationId,
        String reason) {
}
