package com.firmos.api.messages.activity;

import java.util.List;
import java.util.UUID;

/** The three time buckets of an engagement in board order, each with its activities in order. */
public record PlanningView(UUID engagementId, List<PlanningBucket> buckets) {
}
