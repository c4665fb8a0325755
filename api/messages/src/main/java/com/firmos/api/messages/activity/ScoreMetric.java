package com.firmos.api.messages.activity;

import java.math.BigDecimal;

/** One labelled number of a completed activity's result, such as "strong recommendations: 3". */
public record ScoreMetric(
        String label,
        BigDecimal value) {
}
