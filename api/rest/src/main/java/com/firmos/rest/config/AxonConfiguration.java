package com.firmos.rest.config;

import static com.firmos.api.messages.MetadataKeys.CAUSATION_ID;
import static com.firmos.api.messages.MetadataKeys.CLIENT_IP;
import static com.firmos.api.messages.MetadataKeys.CORRELATION_ID;
import static com.firmos.api.messages.MetadataKeys.ORGANIZATION_ID;
import static com.firmos.api.messages.MetadataKeys.USER_AGENT;
import static com.firmos.api.messages.MetadataKeys.USER_ID;
import static com.firmos.api.messages.MetadataKeys.USER_NAME;
import static com.firmos.api.messages.MetadataKeys.USER_ROLE;

import java.util.Map;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Axon's serialization and the metadata every event inherits from its command; how the processors run and how
 * queries are dispatched is the platform's ({@code com.firmos.platform.processing}, {@code ...platform.querybus}).
 */
@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

    /**
     * The Jackson 2 mapper behind Axon's serializer (Boot's own mapper is Jackson 3). Fields are visible so that
     * aggregate snapshots serialize without getters; unknown properties are ignored so that an event written by
     * a newer version still reads in an older node during a rolling upgrade. A number in free-form data (a Fast
     * Track document) reads back as it was written: as a double, 999999999999.9997 came back 9.999999999999998E11.
     */
    @Bean("defaultAxonObjectMapper")
    ObjectMapper defaultAxonObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    @Bean
    CorrelationDataProvider requestContextCorrelation() {
        return new SimpleCorrelationDataProvider(ORGANIZATION_ID, USER_ID, USER_NAME, USER_ROLE, CORRELATION_ID,
                CLIENT_IP, USER_AGENT);
    }

    /** Each event names the message that caused it; the correlation id stays that of the original request. */
    @Bean
    CorrelationDataProvider causationCorrelation() {
        return message -> Map.of(CAUSATION_ID, message.getIdentifier());
    }
}
