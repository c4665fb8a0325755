package com.firmos.api.messages.crm;

import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record CompetitorCreatedEvent(
        UUID competitorId,
        String organizationId,
        String name,
        String strengths,
        String weaknesses,
        String pricing) implements CompetitorEvent {
}
