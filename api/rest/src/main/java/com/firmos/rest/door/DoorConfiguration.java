package com.firmos.rest.door;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;

import tools.jackson.databind.json.JsonMapper;

/** What the server takes in over HTTP: bodies within their caps, values the read side can store. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BodyLimits.class)
class DoorConfiguration {

    /**
     * Request bodies are read with the checks of {@link StorableValuesModule}; the application's own mapper stays
     * without them, because the read side parses what it stored with it, and a row written before a check existed
     * must still read. Ordered last, so that this converter replaces the one Spring Boot sets.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    ServerHttpMessageConvertersCustomizer storableJsonBodies(JsonMapper json) {
        JsonMapper checked = json.rebuild().addModule(new StorableValuesModule()).build();
        return converters -> converters.withJsonConverter(new JacksonJsonHttpMessageConverter(checked));
    }
}
