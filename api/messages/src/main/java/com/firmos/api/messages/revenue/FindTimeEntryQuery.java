package com.firmos.api.messages.revenue;

import java.util.UUID;

/** One time entry of the tenant; answers nothing when there is none. */
public record FindTimeEntryQuery(
        String organizationId,
        UUID timeEntryId) {
}
