package com.firmos.rest.idempotency;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.WebUtils;

import com.firmos.rest.problem.ApiProblem;
import com.firmos.rest.security.CurrentUser;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a POST with an idempotency key once per caller: the {@code Idempotency-Key} header, or on an
 * {@link IdempotentCreate} the id the client chose for the new entity. A retry with the same request gets the first
 * answer again (marked {@code Idempotent-Replayed: true}); a retry that arrives while the first still runs waits for
 * it; the same key on a different request is refused. Refused requests are not kept: they changed nothing.
 */
@Component
class IdempotencyInterceptor implements HandlerInterceptor {

    static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 255;
    private static final Duration WAIT_FOR_FIRST = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final IdempotentRequests requests;

    IdempotencyInterceptor(IdempotentRequests requests) {
        this.requests = requests;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException, InterruptedException {
        IdempotencyFilter.CachedBody cached = WebUtils.getNativeRequest(request, IdempotencyFilter.CachedBody.class);
        Optional<CurrentUser> caller = CurrentUser.current();
        // Operators belong to no tenant, and their operations (rebuilds) are not answers to replay.
        if (cached == null || caller.isEmpty() || caller.get().organizationId() == null) {
            return true;
        }
        Optional<String> key = key(request, handler, cached.body());
        if (key.isEmpty()) {
            return true;
        }
        String organization = caller.get().organizationId();
        String scope = organization + "/" + caller.get().userId();
        byte[] fingerprint = requests.fingerprint(organization, request(request, cached.body()));
        long deadline = System.nanoTime() + WAIT_FOR_FIRST.toNanos();
        while (true) {
            switch (requests.claim(scope, key.get(), organization, fingerprint)) {
                case IdempotentRequests.Claim.Run run -> {
                    cached.setAttribute(IdempotencyFilter.CLAIM, new IdempotencyFilter.Held(scope, key.get(),
                            organization, fingerprint, run.resumes()));
                    return true;
                }
                case IdempotentRequests.Claim.Answered answered -> {
                    replay(answered.answer(), response);
                    return false;
                }
                case IdempotentRequests.Claim.Mismatch mismatch -> {
                    // A taken id with other content is the domain's to refuse (409 already-exists).
                    if (request.getHeader(HEADER) == null) {
                        return true;
                    }
                    throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", HEADER,
                            "was already used for a different request; use a new one for a new request");
                }
                case IdempotentRequests.Claim.Running running -> {
                    if (System.nanoTime() > deadline) {
                        throw new ApiProblem(HttpStatus.CONFLICT, "request-in-progress", field(request),
                                "a request with this key is still running; retry once it has been answered");
                    }
                    Thread.sleep(20);
                }
            }
        }
    }

    private static Optional<String> key(HttpServletRequest request, Object handler, byte[] body) {
        String header = request.getHeader(HEADER);
        if (header != null) {
            boolean visibleAscii = header.chars().allMatch(c -> c > 32 && c < 127);
            if (header.isBlank() || header.length() > MAX_KEY_LENGTH || !visibleAscii) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-value", HEADER,
                        HEADER + " must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters");
            }
            return Optional.of("header:" + header);
        }
        if (handler instanceof HandlerMethod method && method.hasMethodAnnotation(IdempotentCreate.class)) {
            return chosenId(body).map(id -> "id:" + request.getRequestURI() + ":" + id);
        }
        return Optional.empty();
    }

    /** The body's own id when it is one; a body or id that does not parse is left to the controller to refuse. */
    private static Optional<String> chosenId(byte[] body) {
        try {
            JsonNode id = JSON.readTree(body).path("id");
            return id.isString() ? Optional.of(UUID.fromString(id.asString()).toString()) : Optional.empty();
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static String field(HttpServletRequest request) {
        return request.getHeader(HEADER) != null ? HEADER : "id";
    }

    /** What makes two requests the same: path, query and body. */
    private static byte[] request(HttpServletRequest request, byte[] body) {
        byte[] target = (request.getRequestURI() + "?" + request.getQueryString() + "\n")
                .getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(target.length + body.length).put(target).put(body).array();
    }

    private static void replay(StoredAnswer answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.status());
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        if (answer.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, answer.location());
        }
        if (answer.etag() != null) {
            response.setHeader(HttpHeaders.ETAG, answer.etag());
        }
        response.setHeader("Idempotent-Replayed", "true");
        if (answer.body() != null) {
            response.getOutputStream().write(answer.body());
        }
    }
}
