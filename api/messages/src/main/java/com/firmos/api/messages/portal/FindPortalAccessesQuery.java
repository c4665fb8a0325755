package com.firmos.api.messages.portal;

import java.util.UUID;

/** The portal accesses of an engagement, newest first. */
public record FindPortalAccessesQuery(
        String organizationId,
        UUID engagementId) {
}
