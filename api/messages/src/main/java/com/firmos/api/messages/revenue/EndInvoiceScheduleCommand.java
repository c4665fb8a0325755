package com.firmos.api.messages.revenue;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stops a schedule: it drafts nothing more. */
public record EndInvoiceScheduleCommand(
        @TargetAggregateIdentifier UUID scheduleId,
        String organizationId) {
}
