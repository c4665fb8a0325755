package com.firmos.rest.consistency;

import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Every successful answer that shows a version carries it in {@code ETag}, as the document promises: a client can
 * send back in If-Match what it read, whichever read it was. Handlers that set the header themselves keep theirs.
 */
@RestControllerAdvice
class VersionETags implements ResponseBodyAdvice<Object> {

    /** The {@code version} accessor of each answer record, or none: looked up once per type. */
    private final Map<Class<?>, Optional<RecordComponent>> versions = new ConcurrentHashMap<>();

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body == null || !body.getClass().isRecord() || response.getHeaders().containsHeader(HttpHeaders.ETAG)
                || !(response instanceof ServletServerHttpResponse servlet)
                || servlet.getServletResponse().getStatus() / 100 != 2) {
            return body;
        }
        versions.computeIfAbsent(body.getClass(), VersionETags::versionOf).ifPresent(component -> {
            try {
                Object version = component.getAccessor().invoke(body);
                if (version instanceof Number number) {
                    response.getHeaders().setETag(Versions.etag(number.longValue()));
                }
            } catch (ReflectiveOperationException unreadable) {
                // An accessor of a public record: not expected; the answer goes out without the header.
            }
        });
        return body;
    }

    private static Optional<RecordComponent> versionOf(Class<?> type) {
        for (RecordComponent component : type.getRecordComponents()) {
            Class<?> kind = component.getType();
            if (component.getName().equals("version") && (kind == long.class || kind == int.class
                    || Number.class.isAssignableFrom(kind))) {
                component.getAccessor().setAccessible(true);
                return Optional.of(component);
            }
        }
        return Optional.empty();
    }
}
