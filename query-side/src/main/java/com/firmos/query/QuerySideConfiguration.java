package com.firmos.query;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

import com.firmos.api.messages.ClientScoped;
import com.firmos.api.messages.EngagementScoped;
import com.firmos.platform.processing.ScopeSequencingPolicy;

/** Wires the query side into an application: projectors are found by scanning this package. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class QuerySideConfiguration {

    /** Named in {@code axon.eventhandling.processors.<name>.sequencing-policy} of the engagement read models. */
    public static final String ENGAGEMENT_SEQUENCING = "engagementSequencingPolicy";
    /** Named in {@code axon.eventhandling.processors.crm.sequencing-policy}. */
    public static final String CLIENT_SEQUENCING = "clientSequencingPolicy";

    @Bean(ENGAGEMENT_SEQUENCING)
    ScopeSequencingPolicy<EngagementScoped> engagementSequencingPolicy() {
        return ScopeSequencingPolicy.byEngagement();
    }

    @Bean(CLIENT_SEQUENCING)
    ScopeSequencingPolicy<ClientScoped> clientSequencingPolicy() {
        return ScopeSequencingPolicy.byClient();
    }
}
