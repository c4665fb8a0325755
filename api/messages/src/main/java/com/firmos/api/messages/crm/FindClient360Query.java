package com.firmos.api.messages.crm;

import java.util.UUID;

public record FindClient360Query(
        String organizationId,
        UUID clientId) {
}
