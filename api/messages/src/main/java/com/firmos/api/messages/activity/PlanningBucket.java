package com.firmos.api.messages.activity;

import java.util.List;

public record PlanningBucket(TimeBucket timeBucket, List<ActivityView> activities) {
}
