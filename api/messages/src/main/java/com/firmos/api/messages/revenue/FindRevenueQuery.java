package com.firmos.api.messages.revenue;

import java.time.LocalDate;

/** Issued and collected amounts by client and month. */
public record FindRevenueQuery(
        String organizationId,
        LocalDate from,
        LocalDate to) {
}
