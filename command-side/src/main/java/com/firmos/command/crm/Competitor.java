package com.firmos.command.crm;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import com.firmos.api.messages.RefusalCode;
import com.firmos.api.messages.crm.CompetitorCreatedEvent;
import com.firmos.api.messages.crm.CompetitorEditedEvent;
import com.firmos.api.messages.crm.CreateCompetitorCommand;
import com.firmos.api.messages.crm.EditCompetitorCommand;
import com.firmos.command.DomainException;
import com.firmos.command.FieldRules;
import com.firmos.command.Refusals;

/** An entry of the tenant's competitor catalogue: strengths, weaknesses, pricing. */
@Aggregate
class Competitor {

    @AggregateIdentifier
    private UUID competitorId;
    private String organizationId;
    private String name;

    Competitor() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CreateCompetitorCommand command) {
        if (competitorId != null) {
            if (!organizationId.equals(command.organizationId()) || !name.equals(command.name())) {
                throw Refusals.idTaken();
            }
            return;
        }
        check(command.name(), command.strengths(), command.weaknesses(), command.pricing());
        apply(new CompetitorCreatedEvent(command.competitorId(), command.organizationId(), command.name(),
                command.strengths(), command.weaknesses(), command.pricing()));
    }

    @CommandHandler
    void handle(EditCompetitorCommand command) {
        requireTenant(command.organizationId());
        check(command.name(), command.strengths(), command.weaknesses(), command.pricing());
        apply(new CompetitorEditedEvent(competitorId, organizationId, command.name(), command.strengths(),
                command.weaknesses(), command.pricing()));
    }

    void requireTenant(String callerOrganizationId) {
        if (competitorId == null || !organizationId.equals(callerOrganizationId)) {
            throw RepositoryCompetitorLookup.unknown();
        }
    }

    private static void check(String name, String strengths, String weaknesses, String pricing) {
        FieldRules.requiredText("name", name, 200);
        FieldRules.maxLength("strengths", strengths, 5_000);
        FieldRules.maxLength("weaknesses", weaknesses, 5_000);
        FieldRules.maxLength("pricing", pricing, 5_000);
    }

    @EventSourcingHandler
    void on(CompetitorCreatedEvent event) {
        competitorId = event.competitorId();
        organizationId = event.organizationId();
        name = event.name();
    }

    @EventSourcingHandler
    void on(CompetitorEditedEvent event) {
        name = event.name();
    }
}
