package com.firmos.rest.operations;

import java.util.List;

/**
 * An event processor as an operator sees it: whether it runs, replays or failed, each segment's position and
 * owner, and how far behind the head of the event stream it is ({@code progress} is the share of the stream
 * the slowest segment has passed, 100 when caught up; {@code parkedSequences} counts the sequences held in
 * its dead-letter queue, every tenant's).
 */
public record ProjectionStatus(
        String name,
        boolean running,
        boolean replaying,
        boolean rebuildable,
        boolean error,
        long parkedSequences,
        long head,
        long lag,
        int progress,
        List<SegmentStatus> segments) {

    /** One segment: its position, the node holding its claim, and any error it stopped on. */
    public record SegmentStatus(int segment, Long position, String owner, boolean caughtUp, boolean replaying,
            String error) {
    }
}
