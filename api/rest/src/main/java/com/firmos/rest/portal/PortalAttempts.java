package com.firmos.rest.portal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts failed link attempts per token hash and per client address over a sliding window; past either limit the
 * exchange answers 429 before it looks at the token. Kept in PostgreSQL, so every node counts the same failures;
 * addresses are stored only as hashes, and only for the window.
 */
@Component
class PortalAttempts {

    private final JdbcClient jdbc;
    private final PortalProperties properties;
    private final Clock clock;

    @Autowired
    PortalAttempts(JdbcClient jdbc, PortalProperties properties) {
        this(jdbc, properties, Clock.systemUTC());
    }

    PortalAttempts(JdbcClient jdbc, PortalProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    boolean blocked(String tokenHash, String address) {
        return jdbc.sql("""
                SELECT count(*) FILTER (WHERE subject = :token) >= :perToken
                    OR count(*) FILTER (WHERE subject = :address) >= :perAddress
                FROM portal_failed_attempt WHERE subject IN (:token, :address) AND failed_at > :since""")
                .param("token", "token:" + tokenHash).param("address", addressKey(address))
                .param("perToken", properties.failuresPerToken())
                .param("perAddress", properties.failuresPerAddress())
                .param("since", utc(clock.instant().minus(properties.failureWindow())))
                .query(Boolean.class).single();
    }

    void failed(String tokenHash, String address) {
        Instant now = clock.instant();
        jdbc.sql("DELETE FROM portal_failed_attempt WHERE failed_at <= :since")
                .param("since", utc(now.minus(properties.failureWindow()))).update();
        jdbc.sql("INSERT INTO portal_failed_attempt (subject, failed_at) VALUES (:token, :at), (:address, :at)")
                .param("token", "token:" + tokenHash).param("address", addressKey(address)).param("at", utc(now))
                .update();
    }

    private static String addressKey(String address) {
        return "address:" + PortalTokens.hash(address);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
