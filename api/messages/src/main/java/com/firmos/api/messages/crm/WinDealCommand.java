package com.firmos.api.messages.crm;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import com.firmos.api.messages.Actor;

/** Wins a deal in negotiation; an engagement opens for the client with the deal's value as budget. */
public record WinDealCommand(
        @TargetAggregateIdentifier UUID dealId,
        String organizationId,
        Actor actor) {
}
