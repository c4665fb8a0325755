package com.firmos.rest.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.firmos.rest.support.IntegrationTest;

/** Attempts counted in PostgreSQL, as every node sees them, as failures until they succeed. */
class PortalAttemptsTest extends IntegrationTest {

    private final MovableClock clock = new MovableClock();
    private final String token = "token-" + UUID.randomUUID();
    private final String address = "10.0." + UUID.randomUUID();
    private PortalAttempts attempts;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @BeforeEach
    void attempts() {
        attempts = node();
    }

    @Test
    void anotherNodeSeesTheSameFailures() {
        PortalAttempts otherNode = node();
        for (int i = 0; i < 3; i++) {
            attempts.begin(token, address + i);
        }

        assertThat(otherNode.begin(token, address)).isEmpty();
    }

    @Test
    void addressesAreStoredOnlyAsHashes() {
        attempts.begin(token, address);

        assertThat(jdbc.sql("SELECT string_agg(subject, ' ') FROM portal_failed_attempt").query(String.class)
                .single()).doesNotContain(address);
    }

    @Test
    void aTokenIsBlockedAfterItsFailuresAndFreedWhenTheyAge() {
        for (int i = 0; i < 3; i++) {
            assertThat(attempts.begin(token, address + i)).isPresent();
        }

        assertThat(attempts.begin(token, address + "9")).isEmpty();
        assertThat(attempts.begin(token + "-another", address + "9")).isPresent();
        clock.move(Duration.ofMinutes(16));
        assertThat(attempts.begin(token, address + "9")).isPresent();
    }

    @Test
    void anAddressIsBlockedAfterItsFailuresWhateverTheTokens() {
        for (int i = 0; i < 5; i++) {
            attempts.begin(token + i, address);
        }

        assertThat(attempts.begin(token + "-new", address)).isEmpty();
        assertThat(attempts.begin(token + "-new", address + "2")).isPresent();
    }

    @Test
    void aSucceededAttemptNoLongerCounts() {
        for (int i = 0; i < 3; i++) {
            attempts.succeeded(attempts.begin(token, address).orElseThrow());
        }

        assertThat(attempts.begin(token, address)).isPresent();
    }

    private PortalAttempts node() {
        return new PortalAttempts(jdbc, new TransactionTemplate(transactionManager), new PortalProperties("unused",
                "firmos-portal", Duration.ofMinutes(30), 3, 5, Duration.ofMinutes(15), Duration.ofHours(1)), clock);
    }

    private static final class MovableClock extends Clock {

        private Instant now = Instant.now();

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
