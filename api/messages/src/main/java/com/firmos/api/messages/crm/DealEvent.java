package com.firmos.api.messages.crm;

import java.util.UUID;

import com.firmos.api.messages.ClientScoped;
import com.firmos.api.messages.TenantScoped;

/** An event of a deal of a client. */
public sealed interface DealEvent extends TenantScoped, ClientScoped
        permits DealCreatedEvent, DealEditedEvent, DealStageChangedEvent, DealLostEvent, DealWonEvent,
        CompetitorMentionedEvent {

    UUID dealId();
}
