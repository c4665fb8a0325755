package com.firmos.rest.problem;

import java.net.URI;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.common.lock.DeadlockException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import com.firmos.api.messages.CommandRefusal;
import com.firmos.platform.OperationRefusedException;
import com.firmos.query.shadow.ShadowRebuildRefusedException;
import com.firmos.rest.consistency.CommandAdmission;
import com.firmos.rest.consistency.RequestCommands;
import com.firmos.rest.door.BodyTooLargeException;
import com.firmos.rest.door.UnstorableValueException;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * The one place where refusals become RFC 9457 problem+json. Each problem has a stable {@code code}, and
 * names the offending {@code field} and the {@code rule} it broke where there is one. Nothing unexpected
 * leaks: an unknown failure is a 500 with no internals.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final DatabaseOutage databaseOutage;

    ProblemDetailsAdvice(DatabaseOutage databaseOutage) {
        this.databaseOutage = databaseOutage;
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> refused(CommandExecutionException exception, HttpServletRequest request) {
        return exception.getDetails()
                .filter(CommandRefusal.class::isInstance)
                .map(CommandRefusal.class::cast)
                .map(refusal -> refusal(refusal, request))
                .orElseGet(() -> unexpected(exception, request));
    }

    /**
     * A view missing right after this request stored its write means a projection parked the event in its
     * dead-letter queue: the write stands, so the answer is 202 with the entity's id rather than a 404.
     */
    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<?> apiProblem(ApiProblem problem, HttpServletRequest request) {
        Object stored = request.getAttribute(RequestCommands.STORED_AGGREGATE);
        if (problem.status() == HttpStatus.NOT_FOUND && stored != null) {
            return ResponseEntity.accepted().body(Map.of("id", stored, "detail",
                    "the change is stored; its view is not available yet (a projection could not apply it)"));
        }
        return answer(problem, request);
    }

    private ResponseEntity<ProblemDetail> answer(ApiProblem problem, HttpServletRequest request) {
        ResponseEntity<ProblemDetail> answer = problem(problem.status(), problem.code(), problem.field(),
                problem.getMessage(), request);
        return problem.retryAfter() == null ? answer : ResponseEntity.status(answer.getStatusCode())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, problem.retryAfter().toSeconds())))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(answer.getBody());
    }

    @ExceptionHandler(ShadowRebuildRefusedException.class)
    ResponseEntity<ProblemDetail> shadowRefused(ShadowRebuildRefusedException refused, HttpServletRequest request) {
        return refused.unknown()
                ? problem(HttpStatus.NOT_FOUND, "not-found", "name", refused.getMessage(), request)
                : problem(HttpStatus.CONFLICT, refused.code(), "name", refused.getMessage(), request);
    }

    /** The operator tools on the event processors (rebuilds, dead letters) refuse in the platform, not in HTTP. */
    @ExceptionHandler(OperationRefusedException.class)
    ResponseEntity<ProblemDetail> operationRefused(OperationRefusedException refused, HttpServletRequest request) {
        return refused.unknown()
                ? problem(HttpStatus.NOT_FOUND, "not-found", null, refused.getMessage(), request)
                : problem(HttpStatus.CONFLICT, refused.code(), "name", refused.getMessage(), request);
    }

    /** An id of another kind of entity (an engagement's id sent to winning moves) is not one of this kind. */
    /** A create under an id whose stream exists (a keyed create sent again): the domain's own answer to a taken id. */
    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<ProblemDetail> idTaken(AggregateStreamCreationException exception, HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, "already-exists", "id", "this id is taken; choose another id", request);
    }

    @ExceptionHandler({AggregateNotFoundException.class, IncompatibleAggregateException.class})
    ResponseEntity<ProblemDetail> notFound(RuntimeException exception, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, "not-found", null, CommandRefusal.NO_SUCH_ENTITY, request);
    }

    /** A stale {@code If-Match}, or a concurrent write that got in first: the client must re-read. */
    @ExceptionHandler({ConflictingModificationException.class, ConcurrencyException.class})
    ResponseEntity<ProblemDetail> conflict(RuntimeException exception, HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, "stale-version", "If-Match",
                "the entity changed since you read it; read it again and retry", request);
    }

    /**
     * Two commands that each hold one aggregate and wait for the other's (a consultant's write checks its client
     * while a billing run holds the client and the entry): Axon breaks the cycle by failing one, which may retry.
     */
    @ExceptionHandler(DeadlockException.class)
    ResponseEntity<ProblemDetail> lockCycle(DeadlockException exception, HttpServletRequest request) {
        LOG.info("Concurrent commands on {} {}: {}", request.getMethod(), request.getRequestURI(),
                exception.getClass().getSimpleName());
        return ResponseEntity.status(HttpStatus.CONFLICT).header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(HttpStatus.CONFLICT, "concurrent-change", null, "another change to the same records"
                        + " ran at the same time; retry", request).getBody());
    }

    /** A body longer than its route takes, refused before it was read or as soon as it passed the cap. */
    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(BodyTooLargeException exception, HttpServletRequest request) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", null, exception.getMessage(), request);
    }

    /** The JSON a field takes, as a client reads the rule. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type or format";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "must be a string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class
                && type != char.class) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be an array";
        }
        return "has the wrong type or format";
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException exception, HttpServletRequest request) {
        Throwable cause = exception.getCause();
        BodyTooLargeException tooLarge = BodyTooLargeException.in(exception);
        if (tooLarge != null) {
            return tooLarge(tooLarge, request);
        }
        if (cause instanceof UnstorableValueException unstorable) {
            String field = unstorable.getPath().isEmpty() ? "body" : path(unstorable);
            return problem(HttpStatus.BAD_REQUEST, "invalid-value", field, field + " " + unstorable.rule(), request);
        }
        if (cause instanceof InvalidFormatException invalid && invalid.getTargetType().isEnum()) {
            return problem(HttpStatus.BAD_REQUEST, "invalid-value", path(invalid),
                    path(invalid) + " must be one of " + wireValues(invalid.getTargetType()), request);
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return problem(HttpStatus.BAD_REQUEST, "invalid-value", path(mismatch),
                    path(mismatch) + " " + expected(mismatch.getTargetType()), request);
        }
        if (cause instanceof DatabindException bind && !bind.getPath().isEmpty()) {
            return problem(HttpStatus.BAD_REQUEST, "invalid-value", path(bind),
                    path(bind) + " is not valid", request);
        }
        String detail = cause instanceof StreamReadException ? "the body is not well-formed JSON"
                : "the request body is missing or unreadable";
        return problem(HttpStatus.BAD_REQUEST, "malformed-body", null, detail, request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException exception,
            HttpServletRequest request) {
        ResolvableType parameter = ResolvableType.forMethodParameter(exception.getParameter());
        Class<?> type = parameter.asCollection() == ResolvableType.NONE
                ? exception.getRequiredType()
                : parameter.resolveGeneric(0);
        String rule = type != null && type.isEnum()
                ? exception.getName() + " must be one of " + wireValues(type)
                : exception.getName() + " must be a valid " + (type == null ? "value" : type.getSimpleName());
        return problem(HttpStatus.BAD_REQUEST, "invalid-value", exception.getName(), rule, request);
    }

    /** Query parameters bound to a record ({@code from=yesterday}). */
    @ExceptionHandler(BindException.class)
    ResponseEntity<ProblemDetail> unbindable(BindException exception, HttpServletRequest request) {
        FieldError error = exception.getFieldError();
        String field = error == null ? null : error.getField();
        return problem(HttpStatus.BAD_REQUEST, "invalid-value", field,
                (field == null ? "a parameter" : field) + " has the wrong type or format", request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException exception,
            HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-value", exception.getParameterName(),
                exception.getParameterName() + " is required", request);
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException exception,
            HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-value", exception.getHeaderName(),
                exception.getHeaderName() + " is required", request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException exception,
            HttpServletRequest request) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Content-Type",
                "send application/json", request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException exception,
            HttpServletRequest request) {
        ResponseEntity<ProblemDetail> refused = problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", null,
                exception.getMethod() + " is not supported here", request);
        // RFC 9110: a 405 lists the methods the path does take.
        return exception.getSupportedHttpMethods() == null ? refused : ResponseEntity.status(refused.getStatusCode())
                .headers(refused.getHeaders()).allow(exception.getSupportedHttpMethods().toArray(HttpMethod[]::new))
                .body(refused.getBody());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException exception, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, "not-found", null, "no such resource", request);
    }

    /** Query handlers reject malformed arguments (a cursor this API never issued) as illegal arguments. */
    @ExceptionHandler({ExecutionException.class, CompletionException.class, HandlerExecutionException.class})
    ResponseEntity<ProblemDetail> queryFailed(Exception exception, HttpServletRequest request) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException illegal) {
                return problem(HttpStatus.BAD_REQUEST, "invalid-value", null, illegal.getMessage(), request);
            }
        }
        return unexpected(exception, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception exception, HttpServletRequest request) {
        // Spring's own refusals of a request (406, a missing path variable...) carry their status: a 4xx, not a 500.
        if (exception instanceof ErrorResponse refused && refused.getStatusCode().is4xxClientError()) {
            HttpStatus status = HttpStatus.valueOf(refused.getStatusCode().value());
            return problem(status, code(status), null, refused.getBody().getDetail() == null
                    ? status.getReasonPhrase() : refused.getBody().getDetail(), request);
        }
        if (exception instanceof AsyncRequestNotUsableException) {
            // The client hung up while its answer was written: nobody is left to read one, and it is no fault here.
            LOG.debug("Client gone on {} {}: {}", request.getMethod(), request.getRequestURI(), exception.toString());
            return null;
        }
        if (DatabaseOutage.poolExhausted(exception)) {
            LOG.warn("Connection pool exhausted on {} {}: {}", request.getMethod(), request.getRequestURI(),
                    DatabaseOutage.describe(exception));
            // Past admission a write may already be stored, so this answer promises nothing was changed only then.
            return answer(request.getAttribute(RequestCommands.STORED_AGGREGATE) == null ? CommandAdmission.busy()
                    : CommandAdmission.busyAfterWrite(), request);
        }
        if (databaseOutage.explains(exception)) {
            LOG.warn("Database unreachable on {} {}: {}", request.getMethod(), request.getRequestURI(),
                    DatabaseOutage.describe(exception));
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(DatabaseOutage.RETRY_AFTER.toSeconds()))
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", null,
                            "the database cannot be reached; retry shortly, with the same Idempotency-Key or id"
                                    + " for a write, since a write cut off at its commit may have been stored",
                            request).getBody());
        }
        LOG.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), exception);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", null,
                "the request failed on the server; nothing was changed", request);
    }

    private ResponseEntity<ProblemDetail> refusal(CommandRefusal refusal, HttpServletRequest request) {
        HttpStatus status = switch (refusal.code()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case INVALID_VALUE -> HttpStatus.BAD_REQUEST;
            case INVALID_TRANSITION, ALREADY_EXISTS, CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
        String code = refusal.code().name().toLowerCase(Locale.ROOT).replace('_', '-');
        return problem(status, code, refusal.field(), refusal.detail(), request);
    }

    /** The code of a problem known only by its status, as the container or Spring raised it. */
    static String code(HttpStatus status) {
        return switch (status) {
            case UNAUTHORIZED -> "unauthenticated";
            case CONTENT_TOO_LARGE -> "body-too-large";
            case BAD_REQUEST -> "bad-request";
            default -> status.is5xxServerError() ? "internal-error"
                    : status.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '-');
        };
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String field, String rule,
            HttpServletRequest request) {
        return problem(status, code, field, rule, request.getRequestURI());
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String field, String rule,
            String path) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, rule);
        problem.setType(URI.create("urn:firmos:problem:" + code));
        problem.setInstance(instance(path));
        problem.setProperty("code", code);
        if (field != null) {
            problem.setProperty("field", field);
            problem.setProperty("rule", rule);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** The path as a URI, or none: a refused request's path may not be one. */
    private static URI instance(String path) {
        try {
            return path == null ? null : URI.create(path);
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
    }

    /** The field as the domain names it: {@code lines[0].quantity}. */
    private static String path(DatabindException exception) {
        String path = exception.getPath().stream()
                .map(reference -> reference.getPropertyName() != null
                        ? "." + reference.getPropertyName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining());
        return path.startsWith(".") ? path.substring(1) : path;
    }

    private static String wireValues(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants())
                .map(constant -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT))
                .toList()
                .toString();
    }
}
