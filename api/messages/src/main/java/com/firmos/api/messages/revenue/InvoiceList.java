package com.firmos.api.messages.revenue;

import java.util.List;

public record InvoiceList(
        List<InvoiceView> invoices) {
}
