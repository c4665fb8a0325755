package com.firmos.platform.querybus;

import org.axonframework.queryhandling.LoggingQueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryBusSpanFactory;
import org.axonframework.queryhandling.QueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How queries are dispatched: Axon's own bus, declared here for what it leaves out. */
@Configuration(proxyBeanMethods = false)
class QueryBusConfiguration {

    /**
     * The query bus as Axon's auto-configuration builds it, but without a transaction around each handler. Queries
     * only read, and under read committed each statement sees its own snapshot with or without one; the transaction
     * added a Hibernate session and a COMMIT round trip to every GET (docs/BENCHMARKS.md, issue 21 target 5). A read
     * that needs one, a replay of the past, opens its own.
     */
    @Bean
    SimpleQueryBus queryBus(org.axonframework.config.Configuration axon) {
        return SimpleQueryBus.builder()
                .messageMonitor(axon.messageMonitor(QueryBus.class, "queryBus"))
                .errorHandler(axon.getComponent(QueryInvocationErrorHandler.class,
                        () -> LoggingQueryInvocationErrorHandler.builder().build()))
                .queryUpdateEmitter(axon.getComponent(QueryUpdateEmitter.class))
                .spanFactory(axon.getComponent(QueryBusSpanFactory.class))
                .build();
    }
}
