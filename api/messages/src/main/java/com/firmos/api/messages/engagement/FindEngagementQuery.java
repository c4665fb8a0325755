package com.firmos.api.messages.engagement;

import java.util.UUID;

/** One engagement with its projects, open conversations, proposal and orders. */
public record FindEngagementQuery(
        String organizationId,
        UUID engagementId) {
}
