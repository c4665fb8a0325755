package com.firmos.api.messages.revenue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record BillRecordedEvent(
        UUID billId,
        String organizationId,
        UUID vendorId,
        UUID engagementId,
        String reference,
        BigDecimal amount,
        LocalDate dueDate,
        String description) {
}
