package com.firmos.rest.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The start-up check that commands, reads, processors and the reserve fit in the connection pool. */
class PoolBudgetTest {

    private static final Map<String, Integer> THIRTEEN_WORKERS = Map.of("projections", 11, "sagas", 2);

    @Test
    void canStartWithTheDefaultSettings() {
        assertThat(PoolBudget.shortfall(40, 10, 15, THIRTEEN_WORKERS, 2)).isEmpty();
    }

    @Test
    void cannotStartWithAPoolSmallerThanWhatMayHoldAConnectionAtOnce() {
        assertThat(PoolBudget.shortfall(30, 10, 15, THIRTEEN_WORKERS, 2)).hasValueSatisfying(message -> assertThat(
                message).contains("maximum-pool-size=30", "at once, 40", "10 commands", "15 reads",
                        "13 processor worker threads", "2 in reserve"));
    }

    @Test
    void cannotStartWithANegativeReserve() {
        assertThat(PoolBudget.shortfall(40, 10, 15, THIRTEEN_WORKERS, -1)).isPresent();
    }
}
