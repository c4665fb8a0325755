package com.firmos.rest.door;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.firmos.rest.config.HttpJson;

/** What the server takes in over HTTP: bodies within their caps, values the read side can store. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BodyLimits.class)
class DoorConfiguration {

    /** Request bodies are read with the checks of {@link StorableValuesModule}, the read side's tables without. */
    @Bean
    HttpJson.Module storableValues() {
        StorableValuesModule module = new StorableValuesModule();
        return () -> module;
    }
}
