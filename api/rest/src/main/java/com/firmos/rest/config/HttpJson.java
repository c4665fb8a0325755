package com.firmos.rest.config;

import java.util.List;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * JSON over HTTP is read and written with a mapper of its own: the shared one plus the modules only requests and
 * responses may use (responses unseal personal data, request bodies are checked at the door). The read side keeps
 * the shared mapper for its tables: plaintext must never land there, and a row stored before a check existed must
 * still read.
 */
@Configuration(proxyBeanMethods = false)
public class HttpJson {

    /** A module of the HTTP mapper only; not a {@link JacksonModule} bean, which Boot adds to the shared mapper. */
    public interface Module {
        JacksonModule module();
    }

    /** After Boot's own JSON converter (order 0), in its place among the defaults, so strings stay strings. */
    @Bean
    @Order(1)
    ServerHttpMessageConvertersCustomizer httpJsonConverter(JsonMapper shared, List<Module> modules) {
        // A body naming one field twice is refused rather than read as whichever came last.
        JsonMapper.Builder http = shared.rebuild().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // A value of the wrong JSON type is refused (400 naming the field), not converted: Jackson would
                // read 42 into a text field as "42", "42" into a number and 3 into an enum's fourth value.
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .withCoercionConfig(LogicalType.Textual, text -> text
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
        modules.forEach(module -> http.addModule(module.module()));
        JacksonJsonHttpMessageConverter converter = new JacksonJsonHttpMessageConverter(http.build());
        return builder -> builder.withJsonConverter(converter);
    }
}
