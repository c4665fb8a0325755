package com.firmos.rest.consistency;

import java.util.List;

import org.springdoc.core.customizers.ParameterCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets controllers take an {@link IfMatch} parameter instead of reading and parsing the header themselves, and has
 * the OpenAPI document list it as the optional header it is.
 */
@Configuration(proxyBeanMethods = false)
class IfMatchConfiguration implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new IfMatchResolver());
    }

    /** springdoc takes a parameter without a Spring binding annotation for a required one; If-Match is optional. */
    @Bean
    ParameterCustomizer ifMatchOptional() {
        return (model, parameter) -> model != null && parameter.hasParameterAnnotation(IfMatch.class)
                ? model.required(false) : model;
    }

    private static final class IfMatchResolver implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.hasParameterAnnotation(IfMatch.class);
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                NativeWebRequest request, WebDataBinderFactory binderFactory) {
            // Repeated headers are one list, joined as @RequestHeader joined them, so a second tag stays a 400.
            String[] values = request.getHeaderValues(HttpHeaders.IF_MATCH);
            return Versions.expected(values == null ? null : StringUtils.arrayToCommaDelimitedString(values));
        }
    }
}
