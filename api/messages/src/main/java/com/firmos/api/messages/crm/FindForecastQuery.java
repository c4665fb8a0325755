package com.firmos.api.messages.crm;

/** Open deals by month of expected close. */
public record FindForecastQuery(
        String organizationId) {
}
