package com.firmos.api.messages.revenue;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

public record UnbilledHours(
        UUID engagementId,
        BigDecimal hours,
        List<TimeEntryView> entries) {
}
