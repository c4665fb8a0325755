package com.firmos.rest.audit;

/**
 * The verdict on one tenant's hash chain: how many links were checked, the head to record somewhere else (a
 * later verify against a recorded head also catches events cut off the end), and the first break, if any.
 */
public record ChainVerification(String organizationId, boolean intact, long checked, long headPosition,
        String headHash, Break firstBreak) {

    /** {@code kind}: altered, deleted or inserted; position in the chain (null for an event missing from it). */
    public record Break(String kind, Long position, Long globalIndex, String eventId, String detail) {
    }
}
