package com.firmos.platform.health;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import com.firmos.platform.processing.BulkReplay;

/**
 * {@code /actuator/health} component {@code eventProcessors}: down when a processor is stopped, a segment is
 * failing, or a segment has stood behind the head of the event store without moving for longer than
 * {@code firmos.event-processors.stall-after}. The last case has no error of its own: a processor whose reader died
 * (docs/BENCHMARKS.md, "Scale") or whose transaction waits on a lock looks running and healthy otherwise.
 */
@Component("eventProcessors")
class EventProcessorsHealthIndicator implements HealthIndicator {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final BulkReplay replays;
    private final long stallAfterNanos;
    private final Map<String, Progress> progress = new ConcurrentHashMap<>();

    EventProcessorsHealthIndicator(EventProcessingConfiguration processing, EventStore eventStore,
                                   BulkReplay replays,
                                   @Value("${firmos.event-processors.stall-after:PT2M}") Duration stallAfter) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.replays = replays;
        this.stallAfterNanos = stallAfter.toNanos();
    }

    @Override
    public Health health() {
        long head = position(eventStore.createHeadToken());
        long now = System.nanoTime();
        Map<String, Object> details = new LinkedHashMap<>();
        boolean healthy = true;
        for (EventProcessor processor : processing.eventProcessors().values()) {
            Map<String, Object> processorDetails = new LinkedHashMap<>();
            Optional<Long> bulk = replays.position(processor.getName());
            if (bulk.isPresent()) {
                // Stopped for a bulk rebuild or catch-up, which applies its events meanwhile: up while it moves.
                boolean stalled = stalled(processor.getName() + "/bulk", bulk.get(), head, now);
                processorDetails.put("bulkReplay", Map.of("position", bulk.get(), "stalled", stalled));
                healthy &= !stalled;
                details.put(processor.getName(), processorDetails);
                continue;
            }
            processorDetails.put("running", processor.isRunning());
            processorDetails.put("error", processor.isError());
            healthy &= processor.isRunning() && !processor.isError();
            if (processor instanceof StreamingEventProcessor streaming) {
                Map<String, Object> segments = new LinkedHashMap<>();
                for (var entry : streaming.processingStatus().entrySet()) {
                    Map<String, Object> segment = describe(entry.getValue());
                    boolean stalled = stalled(processor.getName() + "/" + entry.getKey(),
                            entry.getValue().getCurrentPosition().orElse(-1L), head, now);
                    segment.put("stalled", stalled);
                    healthy &= !stalled && !entry.getValue().isErrorState();
                    segments.put("segment-" + entry.getKey(), segment);
                }
                processorDetails.put("segments", segments);
                processorDetails.put("replaying", streaming.isReplaying());
            }
            details.put(processor.getName(), processorDetails);
        }
        details.put("head", head);
        return (healthy ? Health.up() : Health.down()).withDetails(details).build();
    }

    private boolean stalled(String segment, long position, long head, long now) {
        Progress seen = progress.compute(segment, (key, previous) ->
                previous == null || previous.position() != position ? new Progress(position, now) : previous);
        return position < head && now - seen.sinceNanos() >= stallAfterNanos;
    }

    private static long position(TrackingToken token) {
        return token == null ? -1L : token.position().orElse(-1L);
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

    /** Where a segment stood when it was last seen to move. */
    private record Progress(long position, long sinceNanos) {
    }
}
