package com.firmos.api.messages.crm;

import java.util.UUID;

public record ClientEngagement(
        UUID id,
        String name,
        String status,
        String phase) {
}
