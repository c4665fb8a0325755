package com.firmos.api.messages.revenue;

/** How often a schedule drafts an invoice. */
public enum InvoiceCadence {
    MONTHLY,
    QUARTERLY
}
