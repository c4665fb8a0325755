package com.firmos.api.messages.activity;

import java.time.Instant;

/** The board as it stood at {@code asOf}, built from the events up to then; the live board is not touched. */
public record FindPlanningViewAsOfQuery(
        FindPlanningViewQuery view,
        Instant asOf) {
}
