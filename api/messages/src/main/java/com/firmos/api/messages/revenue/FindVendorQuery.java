package com.firmos.api.messages.revenue;

import java.util.UUID;

/** One vendor of the tenant; answers nothing when there is none. */
public record FindVendorQuery(
        String organizationId,
        UUID vendorId) {
}
