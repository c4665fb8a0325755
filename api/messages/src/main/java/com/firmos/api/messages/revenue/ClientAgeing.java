package com.firmos.api.messages.revenue;

import java.util.UUID;

public record ClientAgeing(
        UUID clientId,
        AgeingBuckets buckets) {
}
