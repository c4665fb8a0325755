package com.firmos.query.shadow;

/** A shadow rebuild that cannot start, switch or be found; the message says which and why. */
public class ShadowRebuildRefusedException extends RuntimeException {

    private final boolean unknown;
    private final String code;

    public ShadowRebuildRefusedException(String message, boolean unknown) {
        this(message, unknown, "shadow-refused");
    }

    /** A refusal with a code of its own, for a client to tell it from the others. */
    public ShadowRebuildRefusedException(String message, boolean unknown, String code) {
        super(message);
        this.unknown = unknown;
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** True when there is no such projection or shadow, false when one exists but refuses the step. */
    public boolean unknown() {
        return unknown;
    }
}
