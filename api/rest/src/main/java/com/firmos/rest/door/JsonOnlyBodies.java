package com.firmos.rest.door;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Bodies are JSON, read by the one mapper that refuses what no projection can store and every type conversion
 * (StorableValuesModule, HttpJson). A converter for another format that a library brings onto the classpath (YAML,
 * through jackson-dataformat-yaml) would read a body past those rules, parking its event in every projection, and
 * write answers in a shape the document does not describe (sealed fields as ciphertext, dates as numbers).
 */
@Configuration(proxyBeanMethods = false)
class JsonOnlyBodies implements WebMvcConfigurer {

    private static final List<String> OTHER_FORMATS = List.of("yaml", "xml", "cbor", "smile", "protobuf");

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.removeIf(converter -> converter.getSupportedMediaTypes().stream()
                .anyMatch(type -> OTHER_FORMATS.stream().anyMatch(type.getSubtype()::contains)));
    }
}
