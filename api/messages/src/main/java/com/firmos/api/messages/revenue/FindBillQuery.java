package com.firmos.api.messages.revenue;

import java.util.UUID;

/** One bill of the tenant; answers nothing when there is none. */
public record FindBillQuery(
        String organizationId,
        UUID billId) {
}
