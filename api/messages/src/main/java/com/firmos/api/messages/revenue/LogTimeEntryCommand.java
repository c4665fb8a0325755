package com.firmos.api.messages.revenue;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Logs hours of a user on a project of an engagement. */
public record LogTimeEntryCommand(
        @TargetAggregateIdentifier UUID timeEntryId,
        String organizationId,
        UUID engagementId,
        TimeEntryDetails details) {
}
