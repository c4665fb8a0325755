package com.firmos.api.messages.revenue;

import java.util.UUID;

import com.firmos.api.messages.TenantScoped;

/**
 * An event of a vendor's bill. Only the recording names the engagement, which a bill may lack; no read model
 * ordered by engagement handles bills.
 */
public sealed interface BillEvent extends TenantScoped
        permits BillRecordedEvent, BillApprovedEvent, BillRejectedEvent, BillPaidEvent, BillCancelledEvent {

    UUID billId();
}
