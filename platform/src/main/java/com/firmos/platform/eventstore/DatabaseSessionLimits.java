package com.firmos.platform.eventstore;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Makes the database end any transaction that idles longer than the processors wait for a missing global index.
 * A transaction that takes an index and then idles past the gap timeout (a stalled importer, a hand-run session left
 * open) would otherwise commit an event after every processor has stopped waiting for it, and that event would never
 * be applied. Set on the database, so it holds for every session that connects to it, not only the application's.
 */
@Component
class DatabaseSessionLimits {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseSessionLimits.class);

    private final JdbcClient jdbc;
    private final Duration idleInTransaction;

    DatabaseSessionLimits(JdbcClient jdbc,
                          @Value("${firmos.database.idle-in-transaction-timeout}") Duration idleInTransaction,
                          @Value("${firmos.event-store.gap-timeout}") Duration gapTimeout) {
        if (idleInTransaction.isZero() || idleInTransaction.compareTo(gapTimeout) >= 0) {
            throw new IllegalStateException("firmos.database.idle-in-transaction-timeout (" + idleInTransaction
                    + ") must be above zero and shorter than firmos.event-store.gap-timeout (" + gapTimeout + ")");
        }
        this.jdbc = jdbc;
        this.idleInTransaction = idleInTransaction;
    }

    @EventListener(ApplicationReadyEvent.class)
    void apply() {
        try {
            jdbc.sql("""
                    DO $$ BEGIN
                        EXECUTE format('ALTER DATABASE %%I SET idle_in_transaction_session_timeout = %%L',
                            current_database(), '%dms');
                    END $$""".formatted(idleInTransaction.toMillis())).update();
        } catch (DataAccessException refused) {
            LOG.warn("Could not limit idle transactions on the database (set idle_in_transaction_session_timeout to"
                    + " {} ms yourself, below the gap timeout): {}", idleInTransaction.toMillis(),
                    refused.getMostSpecificCause().getMessage());
        }
    }
}
