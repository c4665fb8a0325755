package com.firmos.rest.door;

import java.io.IOException;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Limits every request body before anything reads it: ahead of security and of the idempotency filter, which
 * buffers POST bodies. A declared length over the route's cap is refused at once, unread; a chunked body is read
 * through {@link CappedBody} and refused when it passes the cap. Only the access log runs earlier, so that it
 * records the 413. The refusal goes through the problem advice like any other, with its length. What the client
 * is still sending is swallowed by Tomcat after the answer, up to {@code server.tomcat.max-swallow-size}, so that
 * a client that writes its whole body before it reads gets the 413 and a clean close, not a reset.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class BodyLimitFilter extends OncePerRequestFilter {

    private final BodyLimits limits;
    private final HandlerExceptionResolver problems;

    BodyLimitFilter(BodyLimits limits, @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long cap = limits.capFor(request);
        if (request.getContentLengthLong() > cap) {
            refuse(request, response, new BodyTooLargeException(cap));
            return;
        }
        try {
            chain.doFilter(new CappedBody(request, cap), response);
        } catch (IOException | ServletException | RuntimeException failure) {
            // Read past the cap outside Spring MVC (the idempotency filter): answered here, if nothing was sent yet.
            BodyTooLargeException tooLarge = BodyTooLargeException.in(failure);
            if (tooLarge == null || response.isCommitted()) {
                throw failure;
            }
            response.reset();
            refuse(request, response, tooLarge);
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, BodyTooLargeException tooLarge)
            throws IOException {
        // The unread rest of the body is still on the connection: it cannot carry another request.
        response.setHeader("Connection", "close");
        // Buffered so that it goes out with its Content-Length: the client knows where the answer ends.
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        if (problems.resolveException(request, answer, null, tooLarge) == null) {
            answer.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        }
        answer.copyBodyToResponse();
    }
}
