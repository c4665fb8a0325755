package com.firmos.rest.idempotency;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
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

    /** The scope and key a running request of the tenant holds. */
    record Held(String scope, String key, String organizationId) {
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
            problems.resolveException(request, response, null, new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE,
                    "server-busy", null, "too many request bodies are being received; retry in a moment",
                    Duration.ofSeconds(1)));
            return;
        }
        try {
            byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, cap + 1));
            if (body.length > cap) {
                throw new BodyTooLargeException(cap);
            }
            CachedBody cached = new CachedBody(request, body);
            ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
            try {
                chain.doFilter(cached, answer);
            } finally {
                if (cached.getAttribute(CLAIM) instanceof Held held) {
                    settle(cached, held, answer);
                }
                answer.copyBodyToResponse();
            }
        } finally {
            buffered.release(reserved);
        }
    }

    private void settle(HttpServletRequest request, Held held, ContentCachingResponseWrapper answer) {
        if (answer.getStatus() / 100 == 2) {
            requests.answer(held.scope(), held.key(), held.organizationId(), new StoredAnswer(answer.getStatus(),
                    answer.getContentType(), answer.getHeader(HttpHeaders.LOCATION),
                    answer.getHeader(HttpHeaders.ETAG), ShownOnce.keepable(request, answer.getContentAsByteArray())));
        } else {
            requests.release(held.scope(), held.key());
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
