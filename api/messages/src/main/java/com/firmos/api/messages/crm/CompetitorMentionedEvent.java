package com.firmos.api.messages.crm;

import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record CompetitorMentionedEvent(
        UUID dealId,
        String organizationId,
        UUID clientId,
        UUID competitorId,
        CompetitorStatus oldStatus,
        CompetitorStatus status) implements DealEvent {
}
