package com.firmos.api.messages.revenue;

/** The tenant's vendors by name. */
public record FindVendorsQuery(
        String organizationId) {
}
