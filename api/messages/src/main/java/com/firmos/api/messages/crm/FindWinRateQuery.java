package com.firmos.api.messages.crm;

import java.time.LocalDate;

/** Deals closed in a period (by close date, inclusive): won, lost, win rate and loss reasons. */
public record FindWinRateQuery(
        String organizationId,
        LocalDate from,
        LocalDate to) {
}
