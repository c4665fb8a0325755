package com.firmos.api.messages.revenue;

import java.util.UUID;

import com.firmos.api.messages.TenantScoped;

/** An event of a vendor the tenant buys from. */
public sealed interface VendorEvent extends TenantScoped
        permits VendorRegisteredEvent, VendorContactErasedEvent {

    UUID vendorId();
}
