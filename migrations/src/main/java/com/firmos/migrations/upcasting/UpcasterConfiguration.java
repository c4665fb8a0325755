package com.firmos.migrations.upcasting;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Axon's Spring configuration puts every upcaster bean into the chain that reads stored events. */
@Configuration(proxyBeanMethods = false)
public class UpcasterConfiguration {

    @Bean
    BillRecordedEventUpcaster billRecordedEventUpcaster() {
        return new BillRecordedEventUpcaster();
    }
}
