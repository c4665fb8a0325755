package com.firmos.rest.consistency;

import org.springframework.http.HttpStatus;

import com.firmos.rest.problem.ApiProblem;

/** Aggregate versions as HTTP entity tags: a response's {@code ETag} is what a later {@code If-Match} names. */
public final class Versions {

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The expected version an {@code If-Match} header names; none (or {@code *}) means "any version". */
    public static Long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            long version = Long.parseLong(tag);
            if (version < 0) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-value", "If-Match",
                    "If-Match must be an ETag this API returned, such as \"3\"");
        }
    }
}
