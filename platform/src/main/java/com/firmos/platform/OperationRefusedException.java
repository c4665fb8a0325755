package com.firmos.platform;

/**
 * An operator's step on the event processors that cannot be taken: what it names does not exist, or it exists and
 * refuses the step for the reason the code and message give.
 */
public class OperationRefusedException extends RuntimeException {

    private final String code;

    private OperationRefusedException(String code, String message) {
        super(message);
        this.code = code;
    }

    public static OperationRefusedException notFound(String what) {
        return new OperationRefusedException(null, what + " not found");
    }

    public static OperationRefusedException refused(String code, String message) {
        return new OperationRefusedException(code, message);
    }

    /** True when there is no such processor, queue or letter; false when one exists but refuses the step. */
    public boolean unknown() {
        return code == null;
    }

    /** Why the step is refused, such as {@code not-rebuildable}; null when what it names is unknown. */
    public String code() {
        return code;
    }
}
