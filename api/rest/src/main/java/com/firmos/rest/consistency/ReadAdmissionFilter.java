package com.firmos.rest.consistency;

import java.io.IOException;
import java.util.Objects;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.util.UrlPathHelper;

import com.firmos.platform.processing.ForegroundReads;
import com.firmos.rest.problem.ApiProblem;
import com.firmos.rest.security.CurrentUser;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Admits every read of the API ({@link ReadAdmission}) before it takes a connection: after authentication, so that
 * it waits as one of its organization's reads. A read refused (its tenant's queue full, or no permit within the
 * wait) is answered 503 {@code server-busy} with {@code Retry-After} and never runs.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 20)
class ReadAdmissionFilter extends OncePerRequestFilter {

    /** Reads without a caller (portal links) queue apart from every tenant's, and cannot fill their queues. */
    private static final String ANONYMOUS = "anonymous";
    private static final UrlPathHelper PATHS = UrlPathHelper.defaultInstance;

    private final ReadAdmission admission;
    private final ForegroundReads foreground;
    private final HandlerExceptionResolver problems;

    ReadAdmissionFilter(ReadAdmission admission, ForegroundReads foreground,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        this.admission = admission;
        this.foreground = foreground;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        // The decoded path, as security and the handlers match it: "/%61pi/..." is a read of the API too.
        return !("GET".equals(method) || "HEAD".equals(method))
                || !PATHS.getPathWithinApplication(request).startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        FairAdmission.Permit admitted;
        try {
            admitted = admission.admit(CurrentUser.current().map(ReadAdmissionFilter::queueOf).orElse(ANONYMOUS));
        } catch (ApiProblem busy) {
            problems.resolveException(request, response, null, busy);
            return;
        }
        try (admitted) {
            // A bulk catch-up gives way to the read until its permit is given back (each closes at most once).
            ForegroundReads.Read running = foreground.enter();
            FairAdmission.Permit permit = () -> {
                try {
                    running.close();
                } finally {
                    admitted.close();
                }
            };
            try (permit) {
                ReadAdmission.hold(request, permit, running);
                chain.doFilter(request, response);
            }
        }
    }

    /**
     * Whose reads a read waits among: its organization's staff, that organization's client contacts (portal sessions
     * carry the firm's organization, and must not crowd its staff out), or the operators.
     */
    private static String queueOf(CurrentUser user) {
        String organization = Objects.requireNonNullElse(user.organizationId(), "");
        return switch (user.role()) {
            case CLIENT -> "client/" + organization;
            case OPERATOR -> "operator/" + organization;
            default -> organization;
        };
    }
}
