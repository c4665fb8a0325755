package com.firmos.api.messages.revenue;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Deletes an entry that is not billed yet. */
public record DeleteTimeEntryCommand(
        @TargetAggregateIdentifier UUID timeEntryId,
        String organizationId) {
}
