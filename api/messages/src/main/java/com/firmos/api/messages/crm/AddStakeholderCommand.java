package com.firmos.api.messages.crm;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import com.firmos.api.messages.Actor;

/** {@code newPerson}: no entry of the tenant named this person before (they had no data key). */
public record AddStakeholderCommand(
        @TargetAggregateIdentifier UUID clientId,
        String organizationId,
        Actor actor,
        UUID stakeholderId,
        StakeholderDetails details,
        boolean newPerson) {

    /** A person no entry named before. */
    public AddStakeholderCommand(UUID clientId, String organizationId, Actor actor, UUID stakeholderId,
            StakeholderDetails details) {
        this(clientId, organizationId, actor, stakeholderId, details, true);
    }
}
