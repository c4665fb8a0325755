package com.firmos.api.messages.crm;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CreateCompetitorCommand(
        @TargetAggregateIdentifier UUID competitorId,
        String organizationId,
        String name,
        String strengths,
        String weaknesses,
        String pricing) {
}
