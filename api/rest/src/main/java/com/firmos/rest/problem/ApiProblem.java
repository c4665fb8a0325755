package com.firmos.rest.problem;

import java.time.Duration;

import org.springframework.http.HttpStatus;

/** A refusal the REST layer raises itself (a bad header, an unknown id) before any command is sent. */
public class ApiProblem extends RuntimeException {

    /** How soon a client refused for a busy server tries again: the queues it met drain within seconds. */
    public static final Duration SERVER_BUSY_RETRY = Duration.ofSeconds(1);

    private final HttpStatus status;
    private final String code;
    private final String field;
    private final Duration retryAfter;

    public ApiProblem(HttpStatus status, String code, String field, String detail) {
        this(status, code, field, detail, null);
    }

    /** A refusal that passes with time (a limit, a busy server): the answer says when to try again. */
    public ApiProblem(HttpStatus status, String code, String field, String detail, Duration retryAfter) {
        super(detail);
        this.status = status;
        this.code = code;
        this.field = field;
        this.retryAfter = retryAfter;
    }

    public static ApiProblem notFound(String what) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", null, what + " not found");
    }

    /**
     * The one shape of "server busy": 503 {@code server-busy} with {@code Retry-After}, whoever refuses (a command's
     * admission, a full pool, the bodies being buffered); the detail says whether anything may have been changed.
     */
    public static ApiProblem serverBusy(String detail) {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "server-busy", null, detail, SERVER_BUSY_RETRY);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
