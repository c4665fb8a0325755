package com.firmos.api.messages.revenue;

import java.util.UUID;

import com.firmos.api.messages.TenantScoped;

/** An event of a schedule of recurring invoices. */
public sealed interface InvoiceScheduleEvent extends TenantScoped
        permits InvoiceScheduleCreatedEvent, ScheduledInvoiceDueEvent, InvoiceScheduleEndedEvent {

    UUID scheduleId();
}
