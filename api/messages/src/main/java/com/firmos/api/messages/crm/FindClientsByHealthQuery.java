package com.firmos.api.messages.crm;

/** The tenant's clients, healthiest last: the ones that need attention come first. */
public record FindClientsByHealthQuery(
        String organizationId) {
}
