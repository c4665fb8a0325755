package com.firmos.api.messages.engagement;

import java.math.BigDecimal;
import java.util.UUID;

import org.axonframework.serialization.Revision;

import com.firmos.api.messages.ClientScoped;
import com.firmos.api.messages.activity.PlaybookPhase;

@Revision("1")
public record EngagementOpenedEvent(
        UUID engagementId,
        String organizationId,
        UUID clientId,
        String name,
        PlaybookPhase phase,
        UUID dealId,
        UUID proposalId,
        UUID contractId,
        BigDecimal budget) implements EngagementEvent, ClientScoped {
}
