package com.firmos.rest.portal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts link attempts per token hash and per client address over a sliding window; past either limit the exchange
 * answers 429 before it looks at the token. An attempt is counted as a failure when it begins, before the token and
 * the (bcrypt) password are checked, and withdrawn only when it succeeds; the count and the insert run under a lock
 * per token and per address, so however many arrive at once, at most the limit are ever checked. Kept in
 * PostgreSQL, so every node counts the same attempts; addresses are stored only as hashes, and only for the window.
 */
@Component
class PortalAttempts {

    private final JdbcClient jdbc;
    private final TransactionOperations transactions;
    private final PortalProperties properties;
    private final Clock clock;

    @Autowired
    PortalAttempts(JdbcClient jdbc, PlatformTransactionManager transactionManager, PortalProperties properties) {
        this(jdbc, new TransactionTemplate(transactionManager), properties, Clock.systemUTC());
    }

    PortalAttempts(JdbcClient jdbc, TransactionOperations transactions, PortalProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** An attempt under way, counted as failed until {@link #succeeded}. */
    record Attempt(UUID id) {
    }

    /** The attempt, counted already; empty when the token or the address has used up its failures. */
    Optional<Attempt> begin(String tokenHash, String address) {
        Instant now = clock.instant();
        OffsetDateTime since = utc(now.minus(properties.failureWindow()));
        jdbc.sql("DELETE FROM portal_failed_attempt WHERE failed_at <= :since").param("since", since).update();
        String token = "token:" + tokenHash;
        String addressKey = addressKey(address);
        return transactions.execute(status -> {
            // Always the address's lock first ("address:" sorts before "token:"), so two attempts never deadlock.
            for (String subject : List.of(addressKey, token)) {
                jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(:subject, 0))")
                        .param("subject", subject).query(Integer.class).single();
            }
            boolean blocked = jdbc.sql("""
                    SELECT count(*) FILTER (WHERE subject = :token) >= :perToken
                        OR count(*) FILTER (WHERE subject = :address) >= :perAddress
                    FROM portal_failed_attempt WHERE subject IN (:token, :address) AND failed_at > :since""")
                    .param("token", token).param("address", addressKey)
                    .param("perToken", properties.failuresPerToken())
                    .param("perAddress", properties.failuresPerAddress())
                    .param("since", since)
                    .query(Boolean.class).single();
            if (blocked) {
                return Optional.<Attempt>empty();
            }
            Attempt attempt = new Attempt(UUID.randomUUID());
            jdbc.sql("""
                    INSERT INTO portal_failed_attempt (subject, failed_at, attempt_id)
                    VALUES (:token, :at, :attempt), (:address, :at, :attempt)""")
                    .param("token", token).param("address", addressKey).param("at", utc(now))
                    .param("attempt", attempt.id()).update();
            return Optional.of(attempt);
        });
    }

    /** The attempt worked: it no longer counts against the token or the address. */
    void succeeded(Attempt attempt) {
        jdbc.sql("DELETE FROM portal_failed_attempt WHERE attempt_id = :attempt").param("attempt", attempt.id())
                .update();
    }

    private static String addressKey(String address) {
        return "address:" + PortalTokens.hash(address);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
