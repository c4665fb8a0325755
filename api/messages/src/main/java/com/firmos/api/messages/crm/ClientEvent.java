package com.firmos.api.messages.crm;

import java.util.UUID;

import com.firmos.api.messages.ClientScoped;
import com.firmos.api.messages.TenantScoped;

/** An event of a client. */
public sealed interface ClientEvent extends TenantScoped, ClientScoped
        permits ClientCreatedEvent, ClientProfileEditedEvent, ClientAssignedEvent, ClientUnassignedEvent,
        MeddpiccFieldSetEvent, StakeholderAddedEvent, StakeholderEditedEvent, StakeholderRemovedEvent,
        StakeholderErasedEvent {

    /** The aggregate's id, and so the client its events are scoped to. */
    @Override
    UUID clientId();
}
