package com.firmos.api.messages.crm;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import com.firmos.api.messages.Actor;

public record LoseDealCommand(
        @TargetAggregateIdentifier UUID dealId,
        String organizationId,
        Actor actor,
        String lossReason) {
}
