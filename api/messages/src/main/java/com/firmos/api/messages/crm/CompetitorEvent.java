package com.firmos.api.messages.crm;

import java.util.UUID;

import com.firmos.api.messages.TenantScoped;

/** An event of a competitor in the tenant's catalogue, which belongs to no client. */
public sealed interface CompetitorEvent extends TenantScoped
        permits CompetitorCreatedEvent, CompetitorEditedEvent {

    UUID competitorId();
}
