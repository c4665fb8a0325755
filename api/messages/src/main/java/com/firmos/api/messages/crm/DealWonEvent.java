package com.firmos.api.messages.crm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.serialization.Revision;

/**
 * A won deal. The engagement id is fixed here so that opening it is idempotent; it is named openedEngagementId,
 * not engagementId, because deal events are ordered by client.
 */
@Revision("1")
public record DealWonEvent(
        UUID dealId,
        String organizationId,
        UUID clientId,
        String name,
        BigDecimal value,
        LocalDate closedOn,
        UUID openedEngagementId) implements DealEvent {
}
