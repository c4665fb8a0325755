package com.firmos.rest.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.awaitility.core.ConditionTimeoutException;

/**
 * Whether an asynchronous outcome came within a bound, as a boolean for a caller that asserts on it; a test that
 * only needs to wait says so with Awaitility's {@code await()} directly.
 */
public final class Eventually {

    private Eventually() {
    }

    public static boolean within(Duration bound, BooleanSupplier condition) {
        try {
            await().atMost(bound).until(condition::getAsBoolean);
            return true;
        } catch (ConditionTimeoutException timedOut) {
            return false;
        }
    }
}
