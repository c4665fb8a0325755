package com.firmos.rest.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.firmos.rest.consistency.PoolBudget.Terms;

/** The start-up check that everything that may hold a connection at once fits in the connection pool. */
class PoolBudgetTest {

    private static final Map<String, Integer> THIRTEEN_WORKERS = Map.of("projections", 11, "sagas", 2);
    private static final Terms SHIPPED = new Terms(10, 15, THIRTEEN_WORKERS, 2, 2, 2, 2);

    @Test
    void canStartWithAPoolThatHoldsEveryTerm() {
        assertThat(SHIPPED.needed()).isEqualTo(48);
        assertThat(PoolBudget.shortfall(48, SHIPPED)).isEmpty();
    }

    @Test
    void cannotStartWithAPoolSmallerThanWhatMayHoldAConnectionAtOnce() {
        assertThat(PoolBudget.shortfall(47, SHIPPED)).hasValueSatisfying(message -> assertThat(message).contains(
                "maximum-pool-size=47", "at once, 48", "10 commands", "15 reads", "13 processor worker threads",
                "2 for a bulk replay", "4 for 2 shadow rebuilds", "2 deadline threads", "2 in reserve"));
    }

    @Test
    void cannotStartWithABulkReplayThatHasNoConnectionForItsReader() {
        assertThat(PoolBudget.shortfall(100, new Terms(10, 15, THIRTEEN_WORKERS, 0, 2, 2, 2)))
                .hasValueSatisfying(message -> assertThat(message).contains("bulk-connections=0"));
    }

    @Test
    void cannotStartWithoutAThreadForDeadlines() {
        assertThat(PoolBudget.shortfall(100, new Terms(10, 15, THIRTEEN_WORKERS, 2, 2, 0, 2)))
                .hasValueSatisfying(message -> assertThat(message).contains("firmos.deadlines.threads=0"));
    }

    @Test
    void cannotStartWithANegativeReserveOrShadowCount() {
        assertThat(PoolBudget.shortfall(100, new Terms(10, 15, THIRTEEN_WORKERS, 2, 2, 2, -1))).isPresent();
        assertThat(PoolBudget.shortfall(100, new Terms(10, 15, THIRTEEN_WORKERS, 2, -1, 2, 2))).isPresent();
    }
}
