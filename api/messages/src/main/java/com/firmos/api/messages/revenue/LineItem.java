package com.firmos.api.messages.revenue;

import java.math.BigDecimal;

/** One line of an invoice; amount is quantity × unit price rounded to cents. */
public record LineItem(
        String description,
        BigDecimal quantity,
        BigDecimal unitPrice,
        BigDecimal amount) {
}
