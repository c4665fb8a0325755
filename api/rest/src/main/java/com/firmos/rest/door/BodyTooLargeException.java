package com.firmos.rest.door;

import java.io.IOException;

/**
 * A request body longer than its route accepts. An {@link IOException}, because it is raised by the stream the
 * body is read from, wherever that happens (a filter, Jackson); the problem advice answers it with a 413.
 */
public class BodyTooLargeException extends IOException {

    private final long cap;

    public BodyTooLargeException(long cap) {
        super("the request body is larger than the " + cap + " bytes this route accepts");
        this.cap = cap;
    }

    public long cap() {
        return cap;
    }

    /** The exception itself or the cause that is one, or null. */
    public static BodyTooLargeException in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }
}
