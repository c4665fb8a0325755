package com.firmos.api.messages.engagement;

import java.util.List;

public record EngagementList(
        List<EngagementSummary> engagements) {
}
