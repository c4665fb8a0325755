package com.firmos.platform.deadletter;

import java.time.Instant;
import java.util.List;

/**
 * A processor's parked sequence: the event that failed first and every later event of the same sequence (an
 * aggregate, or the engagement or client the processor orders by), held back so they apply in order once retried.
 */
public record DeadLetterSequence(String processor, String sequence, List<Letter> letters) {

    /** One parked event: what it was, when it was parked and last retried, and why it failed. */
    public record Letter(String eventId, String eventType, String aggregateId, Long aggregateVersion,
            Instant occurredAt, Instant enqueuedAt, Instant lastTouched, String causeType, String causeMessage) {
    }
}
