package com.firmos.rest.security;

import java.util.Map;
import java.util.UUID;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.firmos.api.messages.ParentKind;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A collection read under an engagement or a conversation of another tenant, or of none, is a 404 like the parent
 * itself. Checked once here for every such route, so a new collection endpoint cannot forget it; only a read marked
 * {@link ChecksItsParent} is left to tell it from its own query.
 */
@Configuration(proxyBeanMethods = false)
class ParentScope implements WebMvcConfigurer {

    private static final Map<String, ParentKind> PARENTS = Map.of(
            "/api/v1/engagements/{engagementId}/", ParentKind.ENGAGEMENT,
            "/api/v1/engagements/{id}/", ParentKind.ENGAGEMENT,
            "/api/v1/conversations/{id}/", ParentKind.CONVERSATION,
            "/api/v1/conversations/{conversationId}/", ParentKind.CONVERSATION);

    private final Parents parents;

    ParentScope(Parents parents) {
        this.parents = parents;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (handler instanceof HandlerMethod method && !method.hasMethodAnnotation(ChecksItsParent.class)
                        && reads(request)) {
                    requireParent(request);
                }
                return true;
            }
        }).addPathPatterns("/api/v1/engagements/*/**", "/api/v1/conversations/*/**");
    }

    private static boolean reads(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    }

    private void requireParent(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (!(pattern instanceof String route) || !(variables instanceof Map<?, ?> values)) {
            return;
        }
        PARENTS.forEach((prefix, kind) -> {
            if (route.startsWith(prefix)) {
                String name = prefix.substring(prefix.lastIndexOf('{') + 1, prefix.lastIndexOf('}'));
                check(kind, values.get(name));
            }
        });
    }

    private void check(ParentKind kind, Object value) {
        UUID id;
        try {
            id = UUID.fromString(String.valueOf(value));
        } catch (IllegalArgumentException notAnId) {
            return; // the controller answers a malformed id with its own 400
        }
        parents.require(kind, id);
    }
}
