package com.firmos.api.messages.revenue;

import java.util.UUID;

import com.firmos.api.messages.TenantScoped;

/**
 * An event of an invoice. All but the drafting name the client (the draft carries it inside); the read model
 * ordered by client handles no invoice event.
 */
public sealed interface InvoiceEvent extends TenantScoped
        permits InvoiceDraftedEvent, InvoiceDraftEditedEvent, InvoiceLinesAddedEvent, InvoiceIssuedEvent,
        InvoiceViewedEvent, InvoiceOverdueEvent, PaymentRecordedEvent, InvoicePaidEvent, InvoiceCancelledEvent {

    UUID invoiceId();
}
