package com.firmos.api.messages.crm;

import java.util.UUID;

public record ClientHealthSummary(
        UUID clientId,
        String name,
        ClientStatus status,
        int score,
        String band) {
}
