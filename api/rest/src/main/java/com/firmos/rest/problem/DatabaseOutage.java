package com.firmos.rest.problem;

import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

import jakarta.persistence.PersistenceException;

/**
 * Recognises a failure that comes from the database being unreachable rather than from the request: the client can
 * do nothing but retry, so it gets 503 instead of 500. A connection cut in the middle of a request surfaces in many
 * shapes (Hikari's "Connection is closed" has no SQL state), so a database failure that does not name the connection
 * as its cause is judged by asking the pool for a working connection. A pool whose connections are all in use is no
 * outage: Hikari's timeout then names no connection failure behind it, and the answer is "server busy".
 */
@Component
class DatabaseOutage {

    static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    /** PostgreSQL's admin shutdown, crash shutdown and cannot-connect-now; class 08 is every connection error. */
    private static final Set<String> SHUTDOWN_STATES = Set.of("57P01", "57P02", "57P03");
    private static final int PROBE_SECONDS = 1;
    private static final String HIKARI_CLOSED = "Connection is closed";

    private final DataSource dataSource;

    DatabaseOutage(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    boolean explains(Throwable failure) {
        if (poolExhausted(failure)) {
            return false;
        }
        boolean fromDatabase = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (connectionFailure(cause)) {
                return true;
            }
            fromDatabase |= cause instanceof SQLException || cause instanceof DataAccessException
                    || cause instanceof PersistenceException || cause instanceof TransactionException;
        }
        return fromDatabase && !reachable();
    }

    /** Every pooled connection was in use for the whole connection timeout, while the database answered. */
    static boolean poolExhausted(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException timeout) {
                // Hikari gives its timeout the last connection failure as cause and SQL state, when there was one.
                return timeout.getCause() == null && timeout.getSQLState() == null
                        && String.valueOf(timeout.getMessage()).contains("Connection is not available");
            }
        }
        return false;
    }

    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static boolean connectionFailure(Throwable cause) {
        return cause instanceof SQLTransientConnectionException || cause instanceof ConnectException
                || cause instanceof SQLException sql && (connectionLost(sql.getSQLState()) || closedByPool(sql));
    }

    /**
     * Hikari's answer, without an SQL state, to a request still using a connection the pool closed after it failed:
     * the request lost its connection in the outage, even when the probe that follows finds the database back.
     */
    private static boolean closedByPool(SQLException failure) {
        return failure.getSQLState() == null && HIKARI_CLOSED.equals(failure.getMessage());
    }

    private static boolean connectionLost(String state) {
        return state != null && (state.startsWith("08") || SHUTDOWN_STATES.contains(state));
    }

    private boolean reachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(PROBE_SECONDS);
        } catch (SQLException unreachable) {
            return false;
        }
    }
}
