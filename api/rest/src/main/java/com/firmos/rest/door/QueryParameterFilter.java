package com.firmos.rest.door;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import com.firmos.rest.problem.ApiProblem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Reads the query string itself before anything else does, and refuses one the read side cannot take: a value
 * that is not percent-encoded UTF-8 (the container would fail on it later, as a 500), or text that breaks
 * {@link StorableValues#text}, such as a NUL, which PostgreSQL refuses in a query's parameters.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class QueryParameterFilter extends OncePerRequestFilter {

    static final String ENCODING_RULE = "must be percent-encoded UTF-8";

    private final HandlerExceptionResolver problems;

    QueryParameterFilter(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ApiProblem refusal = request.getQueryString() == null ? null : refusal(request.getQueryString());
        if (refusal == null) {
            chain.doFilter(request, response);
        } else if (problems.resolveException(request, response, null, refusal) == null) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
        }
    }

    static ApiProblem refusal(String query) {
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (name == null || value == null) {
                return invalid(name, (name == null ? "a query parameter" : name) + " " + ENCODING_RULE);
            }
            String rule = StorableValues.text(name) != null ? StorableValues.text(name) : StorableValues.text(value);
            if (rule != null) {
                return invalid(name, name + " " + rule);
            }
        }
        return null;
    }

    private static ApiProblem invalid(String field, String rule) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-value", field, rule);
    }

    /** The text the part encodes, or null when it is not percent-encoded UTF-8. */
    private static String decode(String part) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(part.length());
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '%') {
                int high = i + 2 < part.length() ? Character.digit(part.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(part.charAt(i + 2), 16);
                if (low < 0) {
                    return null;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c > 0x7F) {
                return null;
            } else {
                bytes.write(c == '+' ? ' ' : c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException malformed) {
            return null;
        }
    }
}
