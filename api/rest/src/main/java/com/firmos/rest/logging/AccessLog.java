package com.firmos.rest.logging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The access log, written through the application's logging so that it is redacted like every other line (the
 * servlet container's own access log stays off): method, path and query, status and time taken.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccessLog extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger("firmos.access");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            if (LOG.isInfoEnabled()) {
                LOG.info("{} {}{} status={} {}ms", request.getMethod(), escaped(decoded(request.getRequestURI())),
                        query(request.getQueryString()), response.getStatus(),
                        (System.nanoTime() - started) / 1_000_000);
            }
        }
    }

    private static String query(String raw) {
        return raw == null ? "" : "?" + escaped(decoded(raw));
    }

    /** Control characters escaped, so that an encoded line break cannot start a forged line of the log. */
    private static String escaped(String decoded) {
        StringBuilder escaped = new StringBuilder(decoded.length());
        decoded.chars().forEach(c -> escaped.append(c < 0x20 || c == 0x7F ? String.format("\\u%04x", c)
                : String.valueOf((char) c)));
        return escaped.toString();
    }

    /**
     * Path and query decoded, so that an encoded email or phone number ({@code a%40b.com}) is seen and redacted like
     * any other. A {@code +} stays a {@code +}: read as a space it would cut {@code a+b@x.com} into {@code a} and an
     * address, and leave the {@code a} in the log.
     */
    private static String decoded(String raw) {
        try {
            return UriUtils.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return raw;
        }
    }
}
