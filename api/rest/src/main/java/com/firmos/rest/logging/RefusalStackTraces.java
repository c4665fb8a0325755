package com.firmos.rest.logging;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Marker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * A refusal is logged once, by the access log ({@code POST /api/v1/bills status=400}). Axon's repository also logs
 * every load of an id it does not know, at WARN with the whole stack (some 190 lines, twice for a create that names
 * an unknown parent), although the command then fails as a refusal and the caller gets its 4xx: those lines, and
 * only those, are dropped. Any other failure of Axon, or a load failing for another reason, is logged as before.
 */
public class RefusalStackTraces extends TurboFilter {

    private static final String AXON = "org.axonframework.";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
            Throwable thrown) {
        if (level.isGreaterOrEqual(Level.ERROR) || !logger.getName().startsWith(AXON)) {
            return FilterReply.NEUTRAL;
        }
        // SLF4J passes a throwable that follows the format's arguments as the last argument, not as thrown.
        Throwable failure = thrown != null ? thrown
                : params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last
                : null;
        return failure instanceof AggregateNotFoundException ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
