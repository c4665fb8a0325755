package com.firmos.rest.logging;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Marker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;

import com.firmos.command.DomainException;

/**
 * A refusal is logged once, by the access log ({@code POST /api/v1/bills status=400}). Axon's repository also logs
 * every load of an id it does not know, and every refusal thrown while it creates an aggregate, at WARN with the
 * whole stack (some 190 lines), although the caller then gets its 4xx: those lines, and only those, are dropped.
 * Any other failure of Axon, or a load failing for another reason, is logged as before.
 */
public class RefusalStackTraces extends TurboFilter {

    /** The one logger that reports refusals as failures; sagas and deadlines keep theirs. */
    private static final String REPOSITORY = "org.axonframework.modelling.command.AbstractRepository";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
            Throwable thrown) {
        if (level.isGreaterOrEqual(Level.ERROR) || !logger.getName().equals(REPOSITORY)) {
            return FilterReply.NEUTRAL;
        }
        // SLF4J passes a throwable that follows the format's arguments as the last argument, not as thrown.
        Throwable failure = thrown != null ? thrown
                : params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last
                : null;
        return isRefusal(failure) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }

    /** An unknown id, or a domain refusal thrown while an aggregate was created or loaded (a foreign engagement). */
    private static boolean isRefusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof AggregateNotFoundException || cause instanceof DomainException) {
                return true;
            }
        }
        return false;
    }
}
