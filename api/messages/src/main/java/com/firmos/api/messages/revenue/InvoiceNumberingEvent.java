package com.firmos.api.messages.revenue;

import com.firmos.api.messages.TenantScoped;

/** An event of the tenant's invoice sequence, which numbers every issued invoice. */
public sealed interface InvoiceNumberingEvent extends TenantScoped
        permits InvoiceNumberAssignedEvent {

    String numberingId();
}
