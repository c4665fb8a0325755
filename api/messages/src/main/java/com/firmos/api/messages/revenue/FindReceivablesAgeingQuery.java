package com.firmos.api.messages.revenue;

/** Open receivables per client by days overdue, as of the day of the query. */
public record FindReceivablesAgeingQuery(
        String organizationId) {
}
