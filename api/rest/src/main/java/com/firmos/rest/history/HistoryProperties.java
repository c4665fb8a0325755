package com.firmos.rest.history;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many reads of the past (each a replay of the tenant's history) may run at once: per tenant, so one tenant
 * cannot take them all, and in all, so that together they leave the connection pool and the cores to everyone else.
 * Their time limit is {@code firmos.history.timeout}, which the replay itself applies.
 */
@ConfigurationProperties("firmos.history")
public record HistoryProperties(
        @DefaultValue("2") int concurrentPerTenant,
        @DefaultValue("4") int concurrent) {
}
