package com.firmos.rest.health;

import java.util.LinkedHashMap;
import java.util.Map;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code eventProcessors}: down when a processor is stopped or a segment is
 * failing, with each processor's segments, positions and errors as details.
 */
@Component("eventProcessors")
class EventProcessorsHealthIndicator implements HealthIndicator {

    private final EventProcessingConfiguration processing;

    EventProcessorsHealthIndicator(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean healthy = true;
        for (EventProcessor processor : processing.eventProcessors().values()) {
            Map<String, Object> processorDetails = new LinkedHashMap<>();
            processorDetails.put("running", processor.isRunning());
            processorDetails.put("error", processor.isError());
            healthy &= processor.isRunning() && !processor.isError();
            if (processor instanceof StreamingEventProcessor streaming) {
                Map<String, Object> segments = new LinkedHashMap<>();
                streaming.processingStatus().forEach((id, status) -> segments.put("segment-" + id, describe(status)));
                processorDetails.put("segments", segments);
                processorDetails.put("replaying", streaming.isReplaying());
                healthy &= streaming.processingStatus().values().stream().noneMatch(EventTrackerStatus::isErrorState);
            }
            details.put(processor.getName(), processorDetails);
        }
        return (healthy ? Health.up() : Health.down()).withDetails(details).build();
    }

    private static Map<String, Object> describe(EventTrackerStatus status) {
        Map<String, Object> segment = new LinkedHashMap<>();
        segment.put("position", status.getCurrentPosition().orElse(-1L));
        segment.put("caughtUp", status.isCaughtUp());
        segment.put("replaying", status.isReplaying());
        if (status.isErrorState()) {
            segment.put("error", status.getError().getClass().getName() + ": " + status.getError().getMessage());
        }
        return segment;
    }
}
