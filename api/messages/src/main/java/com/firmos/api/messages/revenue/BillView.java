package com.firmos.api.messages.revenue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

public record BillView(
        UUID id,
        UUID vendorId,
        String vendorName,
        UUID engagementId,
        String reference,
        BigDecimal amount,
        LocalDate dueDate,
        String description,
        BillStatus status,
        LocalDate paidOn,
        String reason) {
}
