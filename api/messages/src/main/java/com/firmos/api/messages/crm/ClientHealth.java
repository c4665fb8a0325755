package com.firmos.api.messages.crm;

import java.util.List;
import java.util.UUID;

public record ClientHealth(
        UUID clientId,
        String name,
        int score,
        String band,
        HealthComponents components,
        List<HealthPoint> history) {
}
