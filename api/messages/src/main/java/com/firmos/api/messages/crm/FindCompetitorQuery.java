package com.firmos.api.messages.crm;

import java.util.UUID;

/** One competitor of the tenant's catalogue; answers nothing when there is none. */
public record FindCompetitorQuery(
        String organizationId,
        UUID competitorId) {
}
