package com.firmos.api.messages.crm;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import com.firmos.api.messages.Actor;

public record AddStakeholderCommand(
        @TargetAggregateIdentifier UUID clientId,
        String organizationId,
        Actor actor,
        UUID stakeholderId,
        StakeholderDetails details) {
}
