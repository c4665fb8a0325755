package com.firmos.api.messages.revenue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The editable part of an invoice; line amounts and the total are computed, never taken from the caller. */
public record InvoiceDraft(
        UUID clientId,
        UUID engagementId,
        List<UUID> projectIds,
        List<LineItem> lines,
        LocalDate dueDate,
        UUID recipientStakeholderId,
        String notes) {
}
