package com.firmos.api.messages.crm;

import java.util.UUID;

/** One stakeholder of one client of the tenant, as the client 360 shows it; answers nothing when there is none. */
public record FindStakeholderQuery(
        String organizationId,
        UUID clientId,
        UUID stakeholderId) {
}
