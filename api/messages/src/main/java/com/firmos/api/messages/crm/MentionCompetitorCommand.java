package com.firmos.api.messages.crm;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import com.firmos.api.messages.Actor;

/** Records a competitor in a deal or changes its status there. */
public record MentionCompetitorCommand(
        @TargetAggregateIdentifier UUID dealId,
        String organizationId,
        Actor actor,
        UUID competitorId,
        CompetitorStatus status) {
}
