package com.firmos.api.messages.revenue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A recurring invoice: on {@code dayOfMonth} of each period from {@code startOn} to the optional {@code endOn}, a
 * draft with these lines, due {@code dueInDays} later.
 */
public record InvoiceScheduleTerms(
        UUID clientId,
        UUID engagementId,
        List<LineItem> lines,
        InvoiceCadence cadence,
        int dayOfMonth,
        LocalDate startOn,
        LocalDate endOn,
        int dueInDays,
        UUID recipientStakeholderId,
        String notes) {
}
