package com.firmos.api.messages.revenue;

import java.math.BigDecimal;
import java.util.UUID;

public record RevenueMonth(
        UUID clientId,
        String month,
        BigDecimal issued,
        BigDecimal collected) {
}
