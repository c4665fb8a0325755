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

import com.firmos.rest.support.IntegrationTest;

/** Failed attempts counted in PostgreSQL, as every node sees them. */
class PortalAttemptsTest extends IntegrationTest {

    private final MovableClock clock = new MovableClock();
    private final String token = "token-" + UUID.randomUUID();
    private final String address = "10.0." + UUID.randomUUID();
    private PortalAttempts attempts;

    @BeforeEach
    void attempts() {
        attempts = new PortalAttempts(jdbc, new PortalProperties("unused", "firmos-portal", Duration.ofMinutes(30), 3,
                5, Duration.ofMinutes(15)), clock);
    }

    @Test
    void anotherNodeSeesTheSameFailures() {
        PortalAttempts otherNode = new PortalAttempts(jdbc, new PortalProperties("unused", "firmos-portal",
                Duration.ofMinutes(30), 3, 5, Duration.ofMinutes(15)), clock);
        for (int i = 0; i < 3; i++) {
            attempts.failed(token, address + i);
        }

        assertThat(otherNode.blocked(token, address)).isTrue();
    }

    @Test
    void addressesAreStoredOnlyAsHashes() {
        attempts.failed(token, address);

        assertThat(jdbc.sql("SELECT string_agg(subject, ' ') FROM portal_failed_attempt").query(String.class)
                .single()).doesNotContain(address);
    }

    @Test
    void aTokenIsBlockedAfterItsFailuresAndFreedWhenTheyAge() {
        for (int i = 0; i < 3; i++) {
            assertThat(attempts.blocked(token, address)).isFalse();
            attempts.failed(token, address + i);
        }

        assertThat(attempts.blocked(token, address + "9")).isTrue();
        assertThat(attempts.blocked(token + "-another", address + "9")).isFalse();
        clock.move(Duration.ofMinutes(16));
        assertThat(attempts.blocked(token, address + "9")).isFalse();
    }

    @Test
    void anAddressIsBlockedAfterItsFailuresWhateverTheTokens() {
        for (int i = 0; i < 5; i++) {
            attempts.failed(token + i, address);
        }

        assertThat(attempts.blocked(token + "-new", address)).isTrue();
        assertThat(attempts.blocked(token + "-new", address + "2")).isFalse();
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
