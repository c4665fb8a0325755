package com.firmos.rest.door;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.List;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.AbstractNamedValueMethodArgumentResolver;
import org.springframework.web.method.annotation.ModelAttributeMethodProcessor;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import com.firmos.rest.problem.ApiProblem;

/**
 * Checks what Spring MVC converted from the query, the path and the headers against {@link StorableValues}, as
 * bodies are checked by {@link StorableValuesModule}: a date is judged once parsed, in whatever notation it came
 * ({@code from=+999999999-01-01}, or milliseconds since 1970), before a query hands it to PostgreSQL.
 */
@Component
public class StorableArguments implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
        if (bean instanceof RequestMappingHandlerAdapter adapter && adapter.getArgumentResolvers() != null) {
            adapter.setArgumentResolvers(adapter.getArgumentResolvers().stream()
                    .<HandlerMethodArgumentResolver>map(Checked::new).toList());
        }
        return bean;
    }

    private record Checked(HandlerMethodArgumentResolver resolver) implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return resolver.supportsParameter(parameter);
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                NativeWebRequest request, WebDataBinderFactory binders) throws Exception {
            Object value = resolver.resolveArgument(parameter, container, request, binders);
            // Request parameters, path variables and headers, alone or bound to a record; bodies are Jackson's.
            if (resolver instanceof AbstractNamedValueMethodArgumentResolver
                    || resolver instanceof ModelAttributeMethodProcessor) {
                check(name(parameter), value);
            }
            return value;
        }
    }

    /** The name the client used: the annotation's, where it names one. */
    private static String name(MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        String named = param != null ? param.name() : path != null ? path.name() : header != null ? header.name() : "";
        return named.isEmpty() ? parameter.getParameterName() : named;
    }

    public static void check(String field, Object value) {
        String rule = switch (value) {
            case String text -> StorableValues.text(text);
            case TemporalAccessor time -> StorableValues.time(time);
            case BigDecimal decimal -> StorableValues.decimal(decimal);
            case Collection<?> values -> {
                values.forEach(item -> check(field, item));
                yield null;
            }
            case Record record -> {
                components(record);
                yield null;
            }
            case null, default -> null;
        };
        if (rule != null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-value", field, field + " " + rule);
        }
    }

    /** A record of query parameters ({@code TimelineFilters}): each component is the parameter of its name. */
    private static void components(Record record) {
        for (RecordComponent component : List.of(record.getClass().getRecordComponents())) {
            try {
                component.getAccessor().setAccessible(true);
                check(component.getName(), component.getAccessor().invoke(record));
            } catch (ReflectiveOperationException unreadable) {
                throw new IllegalStateException(unreadable);
            }
        }
    }
}
