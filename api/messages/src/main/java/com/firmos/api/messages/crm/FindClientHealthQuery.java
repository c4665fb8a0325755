package com.firmos.api.messages.crm;

import java.util.UUID;

/** A client's health today, its five components, and the daily history. */
public record FindClientHealthQuery(
        String organizationId,
        UUID clientId) {
}
