package com.firmos.rest.problem;

import java.util.Locale;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The container's error page: a status set outside Spring MVC (a request the firewall rejects, a failure in a
 * filter) answered as problem+json like every other refusal. Called directly, {@code /error} is no resource.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        if (!(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code)) {
            return ProblemDetailsAdvice.problem(HttpStatus.NOT_FOUND, "not-found", null, "no such resource",
                    request);
        }
        HttpStatus status = HttpStatus.resolve(code);
        if (status == null || status.value() < 400) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String detail = status.is5xxServerError() ? "the request failed on the server; nothing was changed"
                : status.getReasonPhrase().toLowerCase(Locale.ROOT);
        return ProblemDetailsAdvice.problem(status, ProblemDetailsAdvice.code(status), null, detail,
                (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
    }
}
