package com.firmos.api.messages.crm;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import com.firmos.api.messages.Actor;

/** Fills a MEDDPICC field, or clears it with no value. */
public record SetMeddpiccFieldCommand(
        @TargetAggregateIdentifier UUID clientId,
        String organizationId,
        Actor actor,
        MeddpiccField field,
        String value) {
}
