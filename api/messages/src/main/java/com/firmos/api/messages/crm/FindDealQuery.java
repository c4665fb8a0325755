package com.firmos.api.messages.crm;

import java.util.UUID;

public record FindDealQuery(
        String organizationId,
        UUID dealId) {
}
