package com.firmos.api.messages.crm;

import java.math.BigDecimal;

/** A month as yyyy-MM; deals without an expected close date are left out. */
public record ForecastMonth(
        String month,
        int deals,
        BigDecimal totalValue,
        BigDecimal weightedValue) {
}
