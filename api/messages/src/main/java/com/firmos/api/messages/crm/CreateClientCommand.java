package com.firmos.api.messages.crm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import com.firmos.api.messages.Actor;

public record CreateClientCommand(
        @TargetAggregateIdentifier UUID clientId,
        String organizationId,
        Actor actor,
        String name,
        ClientStatus status,
        BigDecimal budget,
        LocalDate deadline) {
}
