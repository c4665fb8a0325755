package com.firmos.rest.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.springboot.EventProcessorProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.firmos.rest.support.IntegrationTest;

/**
 * Without its sequence cache a dead-lettering processor asks {@code dead_letter_entry} about every event it handles;
 * the processors' own invoker configuration must keep the cache that {@code dlq.cache} switches on.
 */
class DeadLetterCacheTest extends IntegrationTest {

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private EventProcessorProperties properties;

    @Test
    void everyDeadLetteringProcessorKeepsItsSequenceCache() throws ReflectiveOperationException {
        List<String> cached = properties.getProcessors().entrySet().stream()
                .filter(group -> group.getValue().getDlq().isEnabled())
                .filter(group -> group.getValue().getDlq().getCache().isEnabled())
                .map(Map.Entry::getKey).toList();
        assertThat(cached).isNotEmpty();

        for (String group : cached) {
            AbstractEventProcessor processor = processing.eventProcessor(group, AbstractEventProcessor.class)
                    .orElseThrow();
            List<DeadLetteringEventHandlerInvoker> invokers = deadLettering(processor.eventHandlerInvoker()).toList();
            assertThat(invokers).as(group).isNotEmpty();
            for (DeadLetteringEventHandlerInvoker invoker : invokers) {
                assertThat(cacheEnabled(invoker)).as(group).isTrue();
            }
        }
    }

    private static Stream<DeadLetteringEventHandlerInvoker> deadLettering(EventHandlerInvoker invoker) {
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            return multi.delegates().stream().flatMap(DeadLetterCacheTest::deadLettering);
        }
        return invoker instanceof DeadLetteringEventHandlerInvoker deadLettering ? Stream.of(deadLettering)
                : Stream.empty();
    }

    /** Axon exposes no getter for it; the field is what {@code enableSequenceIdentifierCache()} sets. */
    private static boolean cacheEnabled(DeadLetteringEventHandlerInvoker invoker) throws ReflectiveOperationException {
        Field field = DeadLetteringEventHandlerInvoker.class.getDeclaredField("sequenceIdentifierCacheEnabled");
        field.setAccessible(true);
        return field.getBoolean(invoker);
    }
}
