package com.firmos.api.messages.crm;

import java.util.UUID;

import com.firmos.api.messages.ClientScoped;
import com.firmos.api.messages.TenantScoped;

/** An event of an interaction logged with a client. */
public sealed interface InteractionEvent extends TenantScoped, ClientScoped
        permits InteractionLoggedEvent, InteractionCorrectedEvent, InteractionDeletedEvent {

    UUID interactionId();
}
