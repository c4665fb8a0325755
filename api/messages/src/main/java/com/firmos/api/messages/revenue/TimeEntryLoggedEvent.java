package com.firmos.api.messages.revenue;

import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record TimeEntryLoggedEvent(
        UUID timeEntryId,
        String organizationId,
        UUID engagementId,
        TimeEntryDetails details) implements TimeEntryEvent {
}
