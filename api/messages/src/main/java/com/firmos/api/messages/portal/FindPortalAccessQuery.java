package com.firmos.api.messages.portal;

import java.util.UUID;

/** One portal access of the tenant, answered as an optional {@link PortalAccessView}. */
public record FindPortalAccessQuery(
        String organizationId,
        UUID accessId) {
}
