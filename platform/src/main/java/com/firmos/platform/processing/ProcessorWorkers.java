package com.firmos.platform.processing;

import java.util.Map;
import java.util.TreeMap;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.stereotype.Component;

/** How many worker threads each streaming processor runs: each holds a connection while it handles a batch. */
@Component
public class ProcessorWorkers {

    /** Axon's worker threads for a pooled processor without a {@code thread-count} of its own. */
    static final int AXON_POOLED_WORKERS = 4;

    private final EventProcessingConfiguration processing;
    private final EventProcessorProperties settings;

    ProcessorWorkers(EventProcessingConfiguration processing, EventProcessorProperties settings) {
        this.processing = processing;
        this.settings = settings;
    }

    /** Each streaming processor's worker threads, by processor name. */
    public Map<String, Integer> byProcessor() {
        Map<String, Integer> workers = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            EventProcessorProperties.ProcessorSettings own = settings.getProcessors().get(name);
            if (processor instanceof PooledStreamingEventProcessor) {
                workers.put(name, own == null ? AXON_POOLED_WORKERS : own.getThreadCount());
            } else if (processor instanceof TrackingEventProcessor tracking) {
                workers.put(name, tracking.maxCapacity());
            }
        });
        return workers;
    }
}
