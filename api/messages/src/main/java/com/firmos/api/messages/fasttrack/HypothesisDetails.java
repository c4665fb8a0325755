package com.firmos.api.messages.fasttrack;

import java.util.Map;

public record HypothesisDetails(
        String text,
        HypothesisCategory category,
        Integer priority,
        boolean tested,
        Map<String, Object> results) {
}
