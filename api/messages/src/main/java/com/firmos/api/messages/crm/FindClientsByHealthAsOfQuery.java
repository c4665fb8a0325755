package com.firmos.api.messages.crm;

import java.time.Instant;

/** Every client's health as it was scored at {@code asOf}, from the CRM events up to then. */
public record FindClientsByHealthAsOfQuery(
        FindClientsByHealthQuery clients,
        Instant asOf) {
}
