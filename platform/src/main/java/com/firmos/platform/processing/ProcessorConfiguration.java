package com.firmos.platform.processing;

import java.util.concurrent.atomic.AtomicReference;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.beans.factory.ObjectProvider;
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
    ConfigurerModule pooledStreamingByDefault(SegmentShares shares, ObjectProvider<EventStorageEngine> engine,
            ObjectProvider<BulkReplay> bulk) {
        // One source for every processor: one watcher per node reads the head of the store.
        AtomicReference<AvailabilityNotifyingEventSource> source = new AtomicReference<>();
        return configurer -> configurer.eventProcessing()
                .usingPooledStreamingEventProcessors()
                .registerPooledStreamingEventProcessorConfiguration((configuration, builder) -> builder
                        .messageSource(source.updateAndGet(existing -> existing != null ? existing
                                : new AvailabilityNotifyingEventSource(configuration.eventStore(),
                                        privateReads(engine, configuration), () -> bulk.getObject().running())))
                        .maxSegmentProvider(shares));
    }

    /**
     * Reads for processors far behind the head: a batch at a time per stream, no cache shared with the others.
     * With Axon Server (no storage engine here) its own store streams them.
     */
    private static StreamableMessageSource<TrackedEventMessage<?>> privateReads(
            ObjectProvider<EventStorageEngine> engine, org.axonframework.config.Configuration configuration) {
        EventStorageEngine storage = engine.getIfAvailable();
        return storage == null ? configuration.eventStore() : EmbeddedEventStore.builder()
                .storageEngine(storage)
                .optimizeEventConsumption(false)
                .build();
    }

    /** Every processor's batches run without savepoints until one fails ({@link SavepointPerEvent}). */
    @Bean
    ConfigurerModule savepointsAfterAFailedBatch(SavepointPerEvent savepoints) {
        return configurer -> configurer.eventProcessing().registerDefaultHandlerInterceptor(
                (configuration, processor) -> savepoints.batchModeOf(processor));
    }

    /**
     * A rebuild replays every event, so the letters parked before it would only hold back their sequences behind
     * events the rebuild already applies: every processor with a dead-letter queue empties it on reset. This
     * registration replaces Axon's own for the group, so it applies the group's {@code dlq.cache} too: without the
     * cache every event costs its processor a query of {@code dead_letter_entry}.
     */
    @Bean
    ConfigurerModule deadLettersClearedOnRebuild(EventProcessorProperties properties) {
        return configurer -> properties.getProcessors().forEach((group, settings) -> {
            EventProcessorProperties.Dlq dlq = settings.getDlq();
            if (dlq.isEnabled()) {
                configurer.eventProcessing().registerDeadLetteringEventHandlerInvokerConfiguration(group,
                        (configuration, builder) -> {
                            builder.allowReset(true);
                            if (dlq.getCache().isEnabled()) {
                                builder.enableSequenceIdentifierCache()
                                        .sequenceIdentifierCacheSize(dlq.getCache().getSize());
                            }
                            return builder;
                        });
            }
        });
    }
}
