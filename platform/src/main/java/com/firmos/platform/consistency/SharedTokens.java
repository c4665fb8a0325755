package com.firmos.platform.consistency;

import java.util.List;

import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.springframework.stereotype.Component;

import com.firmos.platform.tokens.ProcessorTokens;
import com.firmos.platform.tokens.ProcessorTokens.StoredSegment;

/**
 * The positions of a processor's segments as the token store holds them, for segments another node works on.
 * Only the segment an event belongs to is asked: a segment stores its position with the rows of each batch it
 * handles, but one that has nothing to handle stores it only when it extends its claim, seconds later.
 */
@Component
class SharedTokens {

    private final ProcessorTokens tokens;

    SharedTokens(ProcessorTokens tokens) {
        this.tokens = tokens;
    }

    /** A segment no node holds does not move, so a write behind it waits: the projection really is behind. */
    boolean passed(String processorName, EventHandlerInvoker invoker, EventMessage<?> event, long index) {
        List<StoredSegment> segments = tokens.segments(processorName);
        int[] ids = segments.stream().mapToInt(StoredSegment::segment).toArray();
        return !segments.isEmpty() && segments.stream()
                .filter(stored -> invoker.canHandle(event, Segment.computeSegment(stored.segment(), ids)))
                .allMatch(stored -> stored.position().map(token -> ProjectionCatchUp.passed(token, index))
                        .orElse(false));
    }
}
