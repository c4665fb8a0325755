package com.firmos.platform.processing;

import java.util.concurrent.atomic.AtomicReference;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the event processors run: pooled, woken by commits, sharing segments among nodes, reset with their queues. */
@Configuration(proxyBeanMethods = false)
class ProcessorConfiguration {

    /**
     * Projections are pooled streaming processors unless configured otherwise, and every one of them reads the
     * event store through a source that announces new events instead of being polled. Each node holds an equal
     * share of every processor's segments, so several nodes on one database split the work.
     */
    @Bean
    ConfigurerModule pooledStreamingByDefault(SegmentShares shares) {
        // One source for every processor: one watcher per node reads the head of the store.
        AtomicReference<AvailabilityNotifyingEventSource> source = new AtomicReference<>();
        return configurer -> configurer.eventProcessing()
                .usingPooledStreamingEventProcessors()
                .registerPooledStreamingEventProcessorConfiguration((configuration, builder) -> builder
                        .messageSource(source.updateAndGet(existing -> existing != null ? existing
                                : new AvailabilityNotifyingEventSource(configuration.eventStore())))
                        .maxSegmentProvider(shares));
    }

    /**
     * A rebuild replays every event, so the letters parked before it would only hold back their sequences behind
     * events the rebuild already applies: every processor with a dead-letter queue empties it on reset.
     */
    @Bean
    ConfigurerModule deadLettersClearedOnRebuild(EventProcessorProperties properties) {
        return configurer -> properties.getProcessors().forEach((group, settings) -> {
            if (settings.getDlq().isEnabled()) {
                configurer.eventProcessing().registerDeadLetteringEventHandlerInvokerConfiguration(group,
                        (configuration, builder) -> builder.allowReset(true));
            }
        });
    }
}
