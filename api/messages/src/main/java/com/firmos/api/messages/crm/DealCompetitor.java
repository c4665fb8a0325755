package com.firmos.api.messages.crm;

import java.util.UUID;

public record DealCompetitor(
        UUID competitorId,
        String name,
        CompetitorStatus status) {
}
