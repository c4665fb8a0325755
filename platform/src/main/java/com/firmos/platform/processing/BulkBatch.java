package com.firmos.platform.processing;

import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * How a bulk pass runs a batch's handlers: on the transaction's connection, their plain writes held and sent
 * together ({@link DeferredWrites}), each {@link SetWrite}'s rows in set-based statements, all of it sent before
 * the handlers' next read and before the batch ends. Public so that a projector's tests run their histories the
 * way a rebuild does.
 */
public final class BulkBatch {

    private static final ThreadLocal<DeferredWrites> CURRENT = new ThreadLocal<>();
    private static final ThreadLocal<Boolean> REPLAYING = ThreadLocal.withInitial(() -> false);
    private static final ThreadLocal<Boolean> EMPTIED = ThreadLocal.withInitial(() -> false);

    private BulkBatch() {
    }

    /**
     * Runs {@code handlers} in the transaction bound to this thread for {@code dataSource}, their writes deferred
     * until they read, and all of them sent before this returns. Without a transaction, they run as they are.
     */
    public static void run(DataSource dataSource, Runnable handlers) {
        if (!(TransactionSynchronizationManager.getResource(dataSource) instanceof ConnectionHolder held)) {
            handlers.run();
            return;
        }
        DeferredWrites deferred = new DeferredWrites(held.getConnection());
        TransactionSynchronizationManager.unbindResource(dataSource);
        ConnectionHolder swapped = new ConnectionHolder(deferred.connection(), true);
        swapped.setSynchronizedWithTransaction(true);
        TransactionSynchronizationManager.bindResource(dataSource, swapped);
        CURRENT.set(deferred);
        try {
            handlers.run();
            deferred.flush();
        } catch (SQLException failed) {
            throw new UncategorizedSQLException("bulk batch", null, failed);
        } finally {
            CURRENT.remove();
            TransactionSynchronizationManager.unbindResource(dataSource);
            TransactionSynchronizationManager.bindResource(dataSource, held);
        }
    }

    /**
     * Runs {@code work} as a bulk replay's, where every event's tracking token stands at the event's own global
     * index ({@link BulkReplay#tokensAreOwnPositions}), whether its batch runs in one go or event by event.
     */
    public static void asReplayed(Runnable work) {
        asReplayed(false, work);
    }

    /**
     * {@link #asReplayed(Runnable)} into tables a rebuild emptied and whose deferred indexes it dropped, unique ones
     * included ({@link BulkReplay#intoEmptiedTables}): each event comes once, so nothing is there to collide with.
     */
    public static void asReplayed(boolean emptied, Runnable work) {
        REPLAYING.set(true);
        EMPTIED.set(emptied);
        try {
            work.run();
        } finally {
            REPLAYING.remove();
            EMPTIED.remove();
        }
    }

    static boolean replaying() {
        return REPLAYING.get();
    }

    static boolean emptied() {
        return EMPTIED.get();
    }

    /** Holds the row for the batch's set-based statement of {@code write}; false outside a bulk batch. */
    static boolean defer(SetWrite write, Map<String, ?> values) {
        DeferredWrites deferred = CURRENT.get();
        if (deferred == null) {
            return false;
        }
        try {
            deferred.deferSet(write, values);
        } catch (SQLException failed) {
            throw new UncategorizedSQLException("bulk batch", null, failed);
        }
        return true;
    }
}
