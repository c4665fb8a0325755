package com.firmos.api.messages.revenue;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Corrects an entry that is not billed yet. */
public record CorrectTimeEntryCommand(
        @TargetAggregateIdentifier UUID timeEntryId,
        String organizationId,
        TimeEntryDetails details) {
}
