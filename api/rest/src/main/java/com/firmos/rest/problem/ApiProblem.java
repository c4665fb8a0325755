package com.firmos.rest.problem;

import java.time.Duration;

import org.springframework.http.HttpStatus;

/** A refusal the REST layer raises itself (a bad header, an unknown id) before any command is sent. */
public class ApiProblem extends RuntimeException {

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
