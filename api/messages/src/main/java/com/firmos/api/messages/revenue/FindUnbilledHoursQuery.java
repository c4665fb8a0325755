package com.firmos.api.messages.revenue;

import java.util.UUID;

/** Billable hours not yet on an invoice, for one engagement. */
public record FindUnbilledHoursQuery(
        String organizationId,
        UUID engagementId) {
}
