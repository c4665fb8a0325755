package com.firmos.api.messages.revenue;

import java.math.BigDecimal;

public record AgeingBuckets(
        BigDecimal current,
        BigDecimal days1to30,
        BigDecimal days31to60,
        BigDecimal days61to90,
        BigDecimal over90,
        BigDecimal total) {
}
