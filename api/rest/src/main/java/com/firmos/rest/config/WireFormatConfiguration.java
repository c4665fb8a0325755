package com.firmos.rest.config;

import java.util.Locale;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.EnumFeature;

/**
 * The API speaks lower-case enum values ({@code in_progress}) in bodies and query parameters alike,
 * and reads them in any case.
 */
@Configuration(proxyBeanMethods = false)
class WireFormatConfiguration implements WebMvcConfigurer {

    @Bean
    JsonMapperBuilderCustomizer wireEnums() {
        return builder -> builder
                .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS);
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverterFactory(new WireEnumConverterFactory());
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final class WireEnumConverterFactory implements ConverterFactory<String, Enum> {

        @Override
        public <T extends Enum> Converter<String, T> getConverter(Class<T> targetType) {
            return source -> source.isBlank()
                    ? null
                    : (T) Enum.valueOf(targetType, source.trim().toUpperCase(Locale.ROOT));
        }
    }
}
