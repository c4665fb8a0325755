package com.firmos.api.messages.crm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import com.firmos.api.messages.Actor;

public record CreateDealCommand(
        @TargetAggregateIdentifier UUID dealId,
        String organizationId,
        Actor actor,
        UUID clientId,
        String name,
        DealType type,
        DealSource source,
        BigDecimal value,
        LocalDate expectedCloseDate,
        String ownerId) {
}
