package com.firmos.rest.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The shared reader of the event store, which the processors near the head of the stream read from memory.
 *
 * @param cachedEvents how many recent events the reader keeps for processors that follow it
 * @param cleanupDelay how often a processor that fell further behind than the cache is sent to read the store on
 *                     its own; until then it pins every event the reader fetched after its position, so this bounds
 *                     the memory a slow processor can hold to the reader's fetch rate times this delay
 */
@ConfigurationProperties("firmos.event-store")
public record EventStoreProperties(
        @DefaultValue("1000") int cachedEvents,
        @DefaultValue("100ms") Duration cleanupDelay) {
}
