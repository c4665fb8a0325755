package com.firmos.api.messages.crm;

import java.util.UUID;

/** One logged interaction of the tenant, unless deleted; answers nothing when there is none. */
public record FindInteractionQuery(
        String organizationId,
        UUID interactionId) {
}
