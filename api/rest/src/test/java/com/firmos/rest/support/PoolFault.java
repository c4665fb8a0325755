package com.firmos.rest.support;

import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fails one statement of the application as a full Hikari pool fails the connection it asks for, so that a test
 * can cut a request off at a chosen point: after its write, where it waits for its projections. Armed for one
 * statement whose SQL contains a fragment; the {@link SqlRecorder}'s connections trip it.
 */
public final class PoolFault {

    private static final AtomicReference<String> ARMED = new AtomicReference<>();

    private PoolFault() {
    }

    /** The next statement whose SQL contains {@code fragment} fails, once. */
    public static void failNext(String fragment) {
        ARMED.set(fragment);
    }

    public static void disarm() {
        ARMED.set(null);
    }

    static void trip(String sql) throws SQLTransientConnectionException {
        String fragment = ARMED.get();
        if (fragment != null && sql.contains(fragment) && ARMED.compareAndSet(fragment, null)) {
            // Hikari's own timeout: no cause and no SQL state, which tells it from a database that cannot be reached.
            throw new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out"
                    + " after 30000ms (total=20, active=20, idle=0, waiting=0)");
        }
    }
}
