package com.firmos.api.messages.revenue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

public record PaymentView(
        UUID paymentId,
        BigDecimal amount,
        LocalDate paidOn,
        String method,
        String reference) {
}
