package com.firmos.query.shadow;

/** A shadow rebuild that cannot start, switch or be found; the message says which and why. */
public class ShadowRebuildRefusedException extends RuntimeException {

    private final boolean unknown;

    public ShadowRebuildRefusedException(String message, boolean unknown) {
        super(message);
        this.unknown = unknown;
    }

    /** True when there is no such projection or shadow, false when one exists but refuses the step. */
    public boolean unknown() {
        return unknown;
    }
}
