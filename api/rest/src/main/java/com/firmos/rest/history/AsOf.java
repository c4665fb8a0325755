package com.firmos.rest.history;

import java.time.Instant;

import org.springframework.http.HttpStatus;

import com.firmos.rest.problem.ApiProblem;

/** The {@code asOf} parameter of the views that can be read as they stood at a past moment. */
public final class AsOf {

    public static final String DESCRIPTION = "Read the view as it stood at this past moment (ISO-8601, e.g."
            + " 2026-03-01T09:00:00Z), rebuilt from the events up to then";

    private AsOf() {
    }

    /** The moment, refused when it lies ahead: the future has no events yet to build from. */
    public static Instant past(Instant asOf) {
        if (asOf != null && asOf.isAfter(Instant.now())) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-value", "asOf", "asOf must not be in the future");
        }
        return asOf;
    }
}
