package com.firmos.rest.idempotency;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.firmos.rest.door.BodyLimits;
import com.firmos.rest.door.BodyTooLargeException;
import com.firmos.rest.problem.ApiProblem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Keeps a POST's body readable twice (for its fingerprint, then for its controller) and its answer in hand, so that
 * {@link IdempotencyInterceptor} can decide before the controller runs and the answer can be stored after it. It
 * holds no more of a body than the route's cap ({@link BodyLimits}), whatever the filters before it did, and all
 * bodies together no more than {@link BufferedBodies} allows (beyond: 503 with {@code Retry-After}).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class IdempotencyFilter extends OncePerRequestFilter {

    static final String CLAIM = IdempotencyFilter.class.getName() + ".claim";
    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyFilter.class);
    private static final int SETTLE_ATTEMPTS = 5;
    private static final Duration SETTLE_BACKOFF = Duration.ofMillis(250);

    private final IdempotentRequests requests;
    private final BodyLimits limits;
    private final BufferedBodies buffered;
    private final HandlerExceptionResolver problems;

    IdempotencyFilter(IdempotentRequests requests, BodyLimits limits, BufferedBodies buffered,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        this.requests = requests;
        this.limits = limits;
        this.buffered = buffered;
        this.problems = problems;
    }

    /**
     * The scope and key a running request of the tenant holds, its fingerprint, and whether an earlier attempt of it
     * stored commands ({@link RequestSteps}).
     */
    record Held(String scope, String key, String organizationId, byte[] fingerprint, boolean resumes) {
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long cap = limits.capFor(request);
        long declared = request.getContentLengthLong();
        long reserved = declared >= 0 && declared <= cap ? declared : cap;
        if (!buffered.reserve(reserved)) {
            // Unread, the body cannot be followed by another request on this connection.
            response.setHeader("Connection", "close");
            problems.resolveException(request, response, null, ApiProblem.serverBusy(
                    "too many request bodies are being received; retry in a moment; nothing was changed"));
            return;
        }
        try {
            byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, cap + 1));
            if (body.length > cap) {
                throw new BodyTooLargeException(cap);
            }
            CachedBody cached = new CachedBody(request, body);
            ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
            boolean failed = true;
            try {
                chain.doFilter(cached, answer);
                failed = false;
            } finally {
                if (cached.getAttribute(CLAIM) instanceof Held held) {
                    // A failure thrown past the controller leaves the status unset (200): it is not an answer.
                    settle(cached, held, failed ? HttpStatus.INTERNAL_SERVER_ERROR.value() : answer.getStatus(),
                            answer);
                }
                answer.copyBodyToResponse();
            }
        } finally {
            buffered.release(reserved);
        }
    }

    /**
     * Keeps a 2xx for the retries and releases the key of any other answer. A key left locked would refuse every
     * retry for minutes, so a store that fails (a full pool) is tried again for a few seconds.
     */
    private void settle(HttpServletRequest request, Held held, int status, ContentCachingResponseWrapper answer) {
        Runnable settlement;
        if (status / 100 == 2) {
            StoredAnswer kept = new StoredAnswer(status, answer.getContentType(),
                    answer.getHeader(HttpHeaders.LOCATION), answer.getHeader(HttpHeaders.ETAG),
                    ShownOnce.keepable(request, answer.getContentAsByteArray()));
            settlement = () -> requests.answer(held.scope(), held.key(), held.organizationId(), kept);
        } else {
            settlement = () -> requests.release(held.scope(), held.key());
        }
        for (int attempt = 1; ; attempt++) {
            try {
                settlement.run();
                return;
            } catch (DataAccessException failed) {
                if (attempt == SETTLE_ATTEMPTS) {
                    LOG.error("Could not settle idempotency key of {}; its retries wait until it is abandoned",
                            held.scope(), failed);
                    return;
                }
                sleep(SETTLE_BACKOFF.multipliedBy(attempt));
            }
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The request with its body read once into memory. */
    static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        byte[] body() {
            return body;
        }

        @Override
        public BufferedReader getReader() {
            Charset charset = getCharacterEncoding() == null ? StandardCharsets.UTF_8
                    : Charset.forName(getCharacterEncoding());
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }
            };
        }
    }
}
