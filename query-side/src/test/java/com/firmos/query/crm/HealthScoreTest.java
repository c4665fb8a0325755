package com.firmos.query.crm;

import static com.firmos.api.messages.crm.EngagementLevel.DISENGAGED;
import static com.firmos.api.messages.crm.EngagementLevel.HIGH;
import static com.firmos.api.messages.crm.EngagementLevel.LOW;
import static com.firmos.api.messages.crm.EngagementLevel.MEDIUM;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.firmos.api.messages.crm.EngagementLevel;

/** Hand-worked cases of the health score of docs/DOMAIN.md, each with its arithmetic, on a fixed day. */
class HealthScoreTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @Test
    void aBrandNewClientScoresZeroAndIsCritical() {
        // 0 fields, no champion, no EB contact, no stakeholders (0), no interaction (0) = 0
        HealthScore health = score(0, false, null, List.of(), null);

        assertThat(health.score()).isZero();
        assertThat(health.band()).isEqualTo("critical");
    }

    @Test
    void aFullyQualifiedClientContactedTodayScoresHundred() {
        // 30*6/6 = 30; champion 20; EB today 15; all high: 20*1 = 20; recency 15*(90-0)/90 = 15; total 100
        HealthScore health = score(6, true, TODAY, List.of(HIGH, HIGH), TODAY);

        assertThat(health.score()).isEqualTo(100);
        assertThat(health.band()).isEqualTo("healthy");
    }

    @Test
    void componentsAreShownSeparately() {
        // 30*4/6 = 20; champion 0; EB 40 days ago 0; (1 + 1/3)/2 = 2/3 -> 20*2/3 = 13.333..;
        // recency 10 days: 15*80/90 = 13.333..; total 46.666.. -> 47, at risk
        HealthScore health = score(4, false, TODAY.minusDays(40), List.of(HIGH, LOW), TODAY.minusDays(10));

        assertThat(health.components().meddpiccCompleteness()).isEqualByComparingTo("20");
        assertThat(health.components().championIdentified()).isEqualByComparingTo("0");
        assertThat(health.components().economicBuyerEngaged()).isEqualByComparingTo("0");
        assertThat(health.components().stakeholderEngagement()).isEqualByComparingTo("13.3333333333");
        assertThat(health.components().activityRecency()).isEqualByComparingTo("13.3333333333");
        assertThat(health.score()).isEqualTo(47);
        assertThat(health.band()).isEqualTo("at_risk");
    }

    @Test
    void averageEngagementUsesThirds() {
        // high 1, medium 2/3, low 1/3, disengaged 0 -> (3+2+1+0)/12 = 1/2 -> 20 * 1/2 = 10
        HealthScore health = score(0, false, null, List.of(HIGH, MEDIUM, LOW, DISENGAGED), null);

        assertThat(health.components().stakeholderEngagement()).isEqualByComparingTo("10");
        assertThat(health.score()).isEqualTo(10);
    }

    @ParameterizedTest(name = "economicBuyerContacted{0}DaysAgoGives{1}")
    @CsvSource({"0, 15", "29, 15", "30, 15", "31, 0", "90, 0"})
    void economicBuyerCountsWithinThirtyDays(int daysAgo, int expected) {
        // the EB component alone: 15 if the last contact was at most 30 days ago
        HealthScore health = score(0, false, TODAY.minusDays(daysAgo), List.of(), null);

        assertThat(health.components().economicBuyerEngaged()).isEqualByComparingTo(BigDecimal.valueOf(expected));
    }

    @ParameterizedTest(name = "lastInteraction{0}DaysAgoGivesRecency{1}")
    @CsvSource({"0, 15", "1, 14.8333333333", "45, 7.5", "89, 0.1666666667", "90, 0", "91, 0"})
    void recencyFallsLinearlyToZeroAtNinetyDays(int daysAgo, String expected) {
        // 15 * (90 - days) / 90, never below 0
        HealthScore health = score(0, false, null, List.of(), TODAY.minusDays(daysAgo));

        assertThat(health.components().activityRecency()).isEqualByComparingTo(expected);
    }

    @Test
    void theTotalIsRoundedHalfUp() {
        // 30*1/6 = 5; recency 45 days: 15*45/90 = 7.5; total 12.5 -> 13 (half up, not half even)
        HealthScore health = score(1, false, null, List.of(), TODAY.minusDays(45));

        assertThat(health.score()).isEqualTo(13);
    }

    @ParameterizedTest(name = "score{0}IsBand{1}")
    @CsvSource({"100, healthy", "70, healthy", "69, at_risk", "40, at_risk", "39, critical", "0, critical"})
    void bandsFollowTheHealthThresholds(int score, String band) {
        assertThat(HealthScore.band(score)).isEqualTo(band);
    }

    @Test
    void timeAloneLowersTheScore() {
        // 30 + 20 + EB 15 + 20 + 15 = 100 today; 31 days later: EB 0, recency 15*59/90 = 9.833.. -> 79.833.. -> 80
        HealthInputs inputs = new HealthInputs(6, true, TODAY, List.of(HIGH), TODAY);

        assertThat(HealthScore.of(inputs, TODAY).score()).isEqualTo(100);
        assertThat(HealthScore.of(inputs, TODAY.plusDays(31)).score()).isEqualTo(80);
    }

    private static HealthScore score(int filled, boolean champion, LocalDate economicBuyer,
            List<EngagementLevel> levels, LocalDate lastInteraction) {
        return HealthScore.of(new HealthInputs(filled, champion, economicBuyer, levels, lastInteraction), TODAY);
    }
}
