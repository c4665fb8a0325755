package com.firmos.rest.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class PortalAttemptsTest {

    private final MovableClock clock = new MovableClock();
    private final PortalAttempts attempts = new PortalAttempts(new PortalProperties("unused", "firmos-portal",
            Duration.ofMinutes(30), 3, 5, Duration.ofMinutes(15)), clock);

    @Test
    void aTokenIsBlockedAfterItsFailuresAndFreedWhenTheyAge() {
        for (int i = 0; i < 3; i++) {
            assertThat(attempts.blocked("token", "10.0.0.1")).isFalse();
            attempts.failed("token", "10.0.0." + i);
        }

        assertThat(attempts.blocked("token", "10.0.0.9")).isTrue();
        assertThat(attempts.blocked("another", "10.0.0.9")).isFalse();
        clock.move(Duration.ofMinutes(16));
        assertThat(attempts.blocked("token", "10.0.0.9")).isFalse();
    }

    @Test
    void anAddressIsBlockedAfterItsFailuresWhateverTheTokens() {
        for (int i = 0; i < 5; i++) {
            attempts.failed("guess-" + i, "10.0.0.1");
        }

        assertThat(attempts.blocked("guess-new", "10.0.0.1")).isTrue();
        assertThat(attempts.blocked("guess-new", "10.0.0.2")).isFalse();
    }

    private static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-11-22T12:00:00Z");

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
