package com.firmos.api.messages.revenue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

public record TimeEntryDetails(
        String userId,
        UUID projectId,
        UUID taskId,
        BigDecimal hours,
        LocalDate workedOn,
        boolean billable,
        String note) {
}
