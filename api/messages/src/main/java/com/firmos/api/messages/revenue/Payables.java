package com.firmos.api.messages.revenue;

import java.math.BigDecimal;
import java.util.List;

/** Bills matching the query and the amount still to pay among them (pending and approved). */
public record Payables(
        List<BillView> bills,
        BigDecimal outstanding) {
}
