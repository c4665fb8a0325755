package com.firmos.api.messages.crm;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import com.firmos.api.messages.Actor;

/** Erases a stakeholder, current or removed: their personal data in every event becomes unreadable. */
public record EraseStakeholderCommand(
        @TargetAggregateIdentifier UUID clientId,
        String organizationId,
        Actor actor,
        UUID stakeholderId) {
}
