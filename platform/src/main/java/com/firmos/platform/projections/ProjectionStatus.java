package com.firmos.platform.projections;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An event processor as an operator sees it: whether it runs, replays or failed, each segment's position and
 * owner, and how far behind the head of the event stream it is ({@code progress} is the share of the stream
 * the slowest segment has passed, 100 when caught up; {@code parkedSequences} counts the sequences held in
 * its dead-letter queue, every tenant's). A tenant admin sees it without {@code head} and {@code segments}, with
 * {@code lag} and {@code parkedSequences} counting only the tenant's own events and letters.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProjectionStatus(
        String name,
        boolean running,
        boolean replaying,
        boolean rebuildable,
        boolean error,
        long parkedSequences,
        Long head,
        long lag,
        int progress,
        List<SegmentStatus> segments) {

    /** One segment: its position, the node holding its claim, and any error it stopped on. */
    public record SegmentStatus(int segment, Long position, String owner, boolean caughtUp, boolean replaying,
            String error) {
    }
}
