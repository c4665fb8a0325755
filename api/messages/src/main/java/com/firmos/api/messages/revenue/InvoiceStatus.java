package com.firmos.api.messages.revenue;

/** The lifecycle of an invoice. */
public enum InvoiceStatus {
    DRAFT,
    SENT,
    VIEWED,
    OVERDUE,
    PAID,
    CANCELLED
}
