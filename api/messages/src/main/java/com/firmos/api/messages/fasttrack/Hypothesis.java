package com.firmos.api.messages.fasttrack;

import java.util.UUID;

public record Hypothesis(
        UUID id,
        HypothesisDetails details) {
}
