package com.firmos.api.messages.crm;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

public record InteractionView(
        UUID id,
        UUID clientId,
        InteractionType type,
        String subject,
        String description,
        Instant occurredAt,
        Integer durationMinutes,
        Set<UUID> stakeholderIds,
        UUID dealId,
        UUID projectId,
        Sentiment sentiment,
        String loggedBy) {
}
