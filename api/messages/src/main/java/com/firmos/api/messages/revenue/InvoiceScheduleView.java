package com.firmos.api.messages.revenue;

import java.time.LocalDate;
import java.util.UUID;

public record InvoiceScheduleView(
        UUID id,
        UUID clientId,
        UUID engagementId,
        InvoiceCadence cadence,
        int dayOfMonth,
        LocalDate startOn,
        LocalDate endOn,
        LocalDate lastDraftedOn,
        LocalDate nextOn,
        int drafted,
        boolean active) {
}
