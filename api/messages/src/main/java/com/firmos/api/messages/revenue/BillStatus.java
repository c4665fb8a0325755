package com.firmos.api.messages.revenue;

/** The lifecycle of a vendor's bill. */
public enum BillStatus {
    PENDING,
    APPROVED,
    REJECTED,
    PAID,
    CANCELLED
}
