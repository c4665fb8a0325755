package com.firmos.query.crm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import com.firmos.api.messages.crm.EngagementLevel;
import com.firmos.api.messages.crm.HealthComponents;

/**
 * The client health score (docs/DOMAIN.md), computed for a given day: MEDDPICC completeness 30 (share of the six
 * fields filled), champion identified 20, economic buyer engaged 15 (an interaction with one within the last 30
 * days), stakeholder engagement 20 (average level: high 1, medium 2/3, low 1/3, disengaged 0; no stakeholders 0),
 * activity recency 15 (15 on the day of the last interaction, falling linearly to 0 at 90 days; none 0). The
 * total is rounded half up. Computed when read, never stored as current: time alone moves it.
 */
record HealthScore(HealthComponents components, int score, String band) {

    static final int ECONOMIC_BUYER_WINDOW_DAYS = 30;
    static final int RECENCY_HORIZON_DAYS = 90;
    private static final int SCALE = 10;

    static HealthScore of(HealthInputs inputs, LocalDate today) {
        BigDecimal meddpicc = BigDecimal.valueOf(30L * inputs.meddpiccFilled())
                .divide(BigDecimal.valueOf(6), SCALE, RoundingMode.HALF_UP);
        BigDecimal champion = inputs.championIdentified() ? BigDecimal.valueOf(20) : BigDecimal.ZERO;
        BigDecimal economicBuyer = inputs.lastEconomicBuyerContact() != null
                && daysSince(inputs.lastEconomicBuyerContact(), today) <= ECONOMIC_BUYER_WINDOW_DAYS
                ? BigDecimal.valueOf(15) : BigDecimal.ZERO;
        BigDecimal engagement = engagement(inputs);
        BigDecimal recency = recency(inputs.lastInteraction(), today);
        BigDecimal total = meddpicc.add(champion).add(economicBuyer).add(engagement).add(recency);
        int score = total.setScale(0, RoundingMode.HALF_UP).intValueExact();
        return new HealthScore(new HealthComponents(meddpicc, champion, economicBuyer, engagement, recency), score,
                band(score));
    }

    static String band(int score) {
        if (score >= 70) {
            return "healthy";
        }
        return score >= 40 ? "at_risk" : "critical";
    }

    /** Levels counted in thirds (high 3, medium 2, low 1, disengaged 0), so that the average stays exact. */
    private static BigDecimal engagement(HealthInputs inputs) {
        if (inputs.engagementLevels().isEmpty()) {
            return BigDecimal.ZERO;
        }
        long thirds = inputs.engagementLevels().stream().mapToLong(HealthScore::thirds).sum();
        return BigDecimal.valueOf(20 * thirds)
                .divide(BigDecimal.valueOf(3L * inputs.engagementLevels().size()), SCALE, RoundingMode.HALF_UP);
    }

    private static long thirds(EngagementLevel level) {
        return switch (level) {
            case HIGH -> 3;
            case MEDIUM -> 2;
            case LOW -> 1;
            case DISENGAGED -> 0;
        };
    }

    private static BigDecimal recency(LocalDate lastInteraction, LocalDate today) {
        if (lastInteraction == null) {
            return BigDecimal.ZERO;
        }
        long remaining = Math.max(0, RECENCY_HORIZON_DAYS - daysSince(lastInteraction, today));
        return BigDecimal.valueOf(15 * remaining).divide(BigDecimal.valueOf(RECENCY_HORIZON_DAYS), SCALE,
                RoundingMode.HALF_UP);
    }

    /** Days from an event to today; an event dated in the future counts as today. */
    private static long daysSince(LocalDate day, LocalDate today) {
        return Math.max(0, ChronoUnit.DAYS.between(day, today));
    }
}
