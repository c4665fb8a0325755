package com.firmos.api.messages.crm;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import com.firmos.api.messages.Actor;

/** Moves an open deal forward one stage or back to any earlier open stage. */
public record MoveDealStageCommand(
        @TargetAggregateIdentifier UUID dealId,
        String organizationId,
        Actor actor,
        @TargetAggregateVersion Long expectedVersion,
        DealStage stage) {
}
