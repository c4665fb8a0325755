package com.firmos.api.messages.revenue;

import java.util.UUID;

import com.firmos.api.messages.EngagementScoped;
import com.firmos.api.messages.TenantScoped;

/** An event of time logged on an engagement. */
public sealed interface TimeEntryEvent extends TenantScoped, EngagementScoped
        permits TimeEntryLoggedEvent, TimeEntryCorrectedEvent, TimeEntryBilledEvent, TimeEntryDeletedEvent {

    UUID timeEntryId();
}
