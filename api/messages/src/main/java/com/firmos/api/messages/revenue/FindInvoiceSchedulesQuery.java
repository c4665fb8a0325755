package com.firmos.api.messages.revenue;

/** The tenant's invoice schedules. */
public record FindInvoiceSchedulesQuery(
        String organizationId) {
}
