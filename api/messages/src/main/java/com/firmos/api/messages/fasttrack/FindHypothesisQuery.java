package com.firmos.api.messages.fasttrack;

import java.util.UUID;

/** One hypothesis of a value-proposition document (whose id names its owner); answers nothing when there is none. */
public record FindHypothesisQuery(
        String organizationId,
        UUID documentId,
        UUID hypothesisId) {
}
