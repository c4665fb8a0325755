package com.firmos.query;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * The "now" that reads judge by (days in stage, rotting, health decay): the system's UTC time, except inside
 * {@link #at}, where it is the past moment a read is rebuilt for, so an as-of view says what it said back then.
 */
@Component
public class ReadClock extends Clock {

    private static final ThreadLocal<Instant> PAST = new ThreadLocal<>();

    public <R> R at(Instant moment, Supplier<R> read) {
        Instant outer = PAST.get();
        PAST.set(moment);
        try {
            return read.get();
        } finally {
            if (outer == null) {
                PAST.remove();
            } else {
                PAST.set(outer);
            }
        }
    }

    @Override
    public Instant instant() {
        Instant past = PAST.get();
        return past != null ? past : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }
}
