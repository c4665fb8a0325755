package com.firmos.query;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** Wires the query side into an application: projectors are found by scanning this package. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class QuerySideConfiguration {

    /** Named in {@code axon.eventhandling.processors.planning-view.sequencing-policy}. */
    public static final String ENGAGEMENT_SEQUENCING = "engagementSequencingPolicy";

    @Bean(ENGAGEMENT_SEQUENCING)
    EngagementSequencingPolicy engagementSequencingPolicy() {
        return new EngagementSequencingPolicy();
    }
}
