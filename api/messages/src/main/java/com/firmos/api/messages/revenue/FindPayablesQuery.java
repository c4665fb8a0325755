package com.firmos.api.messages.revenue;

import java.time.LocalDate;
import java.util.Set;

/** The tenant's bills by status and due period, soonest due first; an empty status set means all. */
public record FindPayablesQuery(
        String organizationId,
        Set<BillStatus> statuses,
        LocalDate dueFrom,
        LocalDate dueTo) {
}
