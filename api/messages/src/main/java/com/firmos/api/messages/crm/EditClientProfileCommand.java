package com.firmos.api.messages.crm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import com.firmos.api.messages.Actor;

public record EditClientProfileCommand(
        @TargetAggregateIdentifier UUID clientId,
        String organizationId,
        Actor actor,
        @TargetAggregateVersion Long expectedVersion,
        String name,
        ClientStatus status,
        BigDecimal budget,
        LocalDate deadline) {
}
