package com.firmos.api.messages.crm;

public record FindCompetitorsQuery(
        String organizationId) {
}
