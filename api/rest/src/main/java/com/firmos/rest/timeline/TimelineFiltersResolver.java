package com.firmos.rest.timeline;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.firmos.rest.door.StorableArguments;
import com.firmos.rest.problem.ApiProblem;

/**
 * Reads the timeline's {@link TimelineController.Filters} from the query parameter by parameter. Spring's data binder
 * did the same through bean introspection and cost a timeline page a tenth of its CPU (docs/BENCHMARKS.md); a
 * malformed value is refused as the binder refused it, naming the parameter, and every value is checked as storable.
 */
class TimelineFiltersResolver implements HandlerMethodArgumentResolver {

    private static final Pattern EPOCH_MILLIS = Pattern.compile("-?\\d{1,19}");

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == TimelineController.Filters.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
            NativeWebRequest request, WebDataBinderFactory binders) {
        String[] types = request.getParameterValues("eventType");
        Set<String> eventTypes = types == null ? null : new LinkedHashSet<>(List.of(types));
        TimelineController.Filters filters = new TimelineController.Filters(text(request, "entityType"),
                text(request, "entityId"), eventTypes, text(request, "actorId"), instant(request, "from"),
                instant(request, "to"), text(request, "cursor"), integer(request, "limit"));
        StorableArguments.check(parameter.getParameterName(), filters);
        return filters;
    }

    /** A parameter given empty counts as not given, as the binder took it. */
    private static String text(NativeWebRequest request, String name) {
        String value = request.getParameter(name);
        return value == null || value.isEmpty() ? null : value;
    }

    private static Instant instant(NativeWebRequest request, String name) {
        String value = text(request, name);
        try {
            if (value == null) {
                return null;
            }
            // Milliseconds since 1970 too, as Spring's converter for an Instant reads them.
            return EPOCH_MILLIS.matcher(value).matches() ? Instant.ofEpochMilli(Long.parseLong(value))
                    : OffsetDateTime.parse(value.strip(), DateTimeFormatter.ISO_DATE_TIME).toInstant();
        } catch (DateTimeParseException | NumberFormatException | ArithmeticException malformed) {
            throw invalid(name, "must be an ISO date-time with its offset, such as 2026-01-31T09:00:00Z, or"
                    + " milliseconds since 1970");
        }
    }

    private static Integer integer(NativeWebRequest request, String name) {
        String value = text(request, name);
        try {
            return value == null ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException malformed) {
            throw invalid(name, "must be a whole number");
        }
    }

    private static ApiProblem invalid(String name, String rule) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-value", name, name + " " + rule);
    }

    /** Registers the resolver ahead of Spring's own, which would otherwise bind the record. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Registration implements WebMvcConfigurer {
        @Override
        public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
            resolvers.add(new TimelineFiltersResolver());
        }
    }
}
