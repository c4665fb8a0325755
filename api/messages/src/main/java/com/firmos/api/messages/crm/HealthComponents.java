package com.firmos.api.messages.crm;

import java.math.BigDecimal;

/** The five parts of a health score, each before the total is rounded. */
public record HealthComponents(
        BigDecimal meddpiccCompleteness,
        BigDecimal championIdentified,
        BigDecimal economicBuyerEngaged,
        BigDecimal stakeholderEngagement,
        BigDecimal activityRecency) {
}
