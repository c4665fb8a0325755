package com.firmos.api.messages.revenue;

import java.util.UUID;

public record FindInvoiceQuery(
        String organizationId,
        UUID invoiceId) {
}
