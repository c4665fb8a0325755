package com.firmos.api.messages.revenue;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/** Invoices of the tenant; every filter is optional. */
public record FindInvoicesQuery(
        String organizationId,
        Set<InvoiceStatus> statuses,
        UUID clientId,
        UUID engagementId,
        LocalDate dueFrom,
        LocalDate dueTo) {
}
