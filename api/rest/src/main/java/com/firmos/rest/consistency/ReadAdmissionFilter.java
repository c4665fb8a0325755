package com.firmos.rest.consistency;

import java.io.IOException;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

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

    /** Reads without a tenant (a portal link, an operator's) share one turn. */
    private static final String NO_TENANT = "";

    private final ReadAdmission admission;
    private final HandlerExceptionResolver problems;

    ReadAdmissionFilter(ReadAdmission admission,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        this.admission = admission;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return !("GET".equals(method) || "HEAD".equals(method)) || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String tenant = CurrentUser.current().map(CurrentUser::organizationId).orElse(NO_TENANT);
        FairAdmission.Permit permit;
        try {
            permit = admission.admit(tenant == null ? NO_TENANT : tenant);
        } catch (ApiProblem busy) {
            problems.resolveException(request, response, null, busy);
            return;
        }
        try (permit) {
            chain.doFilter(request, response);
        }
    }
}
