package com.firmos.command.crm;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import com.firmos.api.messages.RefusalCode;
import com.firmos.api.messages.crm.CompetitorMentionedEvent;
import com.firmos.api.messages.crm.CompetitorStatus;
import com.firmos.api.messages.crm.CreateDealCommand;
import com.firmos.api.messages.crm.DealCreatedEvent;
import com.firmos.api.messages.crm.DealEditedEvent;
import com.firmos.api.messages.crm.DealLostEvent;
import com.firmos.api.messages.crm.DealStage;
import com.firmos.api.messages.crm.DealStageChangedEvent;
import com.firmos.api.messages.crm.DealWonEvent;
import com.firmos.api.messages.crm.EditDealCommand;
import com.firmos.api.messages.crm.LoseDealCommand;
import com.firmos.api.messages.crm.MentionCompetitorCommand;
import com.firmos.api.messages.crm.MoveDealStageCommand;
import com.firmos.api.messages.crm.WinDealCommand;
import com.firmos.command.CommandSideConfiguration;
import com.firmos.command.DomainException;
import com.firmos.command.FieldRules;
import com.firmos.command.Refusals;

/** A sales opportunity moving through the pipeline stages (docs/DOMAIN.md, "Deals and pipeline"). */
@Aggregate(snapshotTriggerDefinition = CommandSideConfiguration.SNAPSHOT_TRIGGER, cache = "dealCache")
class Deal {

    @AggregateIdentifier
    private UUID dealId;
    private String organizationId;
    private UUID clientId;
    private String name;
    private BigDecimal value;
    private DealStage stage;
    private Map<UUID, CompetitorStatus> competitors = new HashMap<>();

    Deal() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CreateDealCommand command, ClientLookup clients) {
        if (dealId != null) {
            if (!organizationId.equals(command.organizationId()) || !name.equals(command.name())) {
                throw Refusals.idTaken();
            }
            return;
        }
        checkDeal(command.name(), command.value());
        clients.requireWritable(command.clientId(), command.organizationId(), command.actor());
        apply(new DealCreatedEvent(command.dealId(), command.organizationId(), command.clientId(), command.name(),
                command.type(), command.source(), command.value(), command.expectedCloseDate(), command.ownerId()));
    }

    @CommandHandler
    void handle(EditDealCommand command, ClientLookup clients) {
        requireOpen(command.organizationId());
        clients.requireWritable(clientId, organizationId, command.actor());
        checkDeal(command.name(), command.value());
        apply(new DealEditedEvent(dealId, organizationId, clientId, command.name(), command.type(), command.source(),
                command.value(), command.expectedCloseDate(), command.ownerId()));
    }

    @CommandHandler
    void handle(MoveDealStageCommand command, ClientLookup clients) {
        requireTenant(command.organizationId());
        clients.requireWritable(clientId, organizationId, command.actor());
        FieldRules.required("stage", command.stage());
        if (!DealLifecycle.canMove(stage, command.stage())) {
            throw Refusals.move("stage", "deal", stage, command.stage(), DealLifecycle.moves(stage));
        }
        apply(new DealStageChangedEvent(dealId, organizationId, clientId, stage, command.stage(),
                command.stage().probability(), GenericEventMessage.clock.instant()));
    }

    @CommandHandler
    void handle(LoseDealCommand command, ClientLookup clients) {
        requireOpen(command.organizationId());
        clients.requireWritable(clientId, organizationId, command.actor());
        // Named as the request names it: POST /deals/{id}/loss takes {"reason"}.
        FieldRules.requiredText("reason", command.lossReason(), 500);
        apply(new DealLostEvent(dealId, organizationId, clientId, stage, command.lossReason().strip(), today()));
    }

    @CommandHandler
    void handle(WinDealCommand command, ClientLookup clients) {
        requireOpen(command.organizationId());
        clients.requireWritable(clientId, organizationId, command.actor());
        if (stage != DealStage.NEGOTIATION) {
            throw Refusals.state("stage", "only a deal in negotiation can be won; this one is in "
                    + Refusals.wire(stage));
        }
        apply(new DealWonEvent(dealId, organizationId, clientId, name, value, today(), UUID.randomUUID()));
    }

    @CommandHandler
    void handle(MentionCompetitorCommand command, ClientLookup clients, CompetitorLookup catalogue) {
        requireTenant(command.organizationId());
        clients.requireWritable(clientId, organizationId, command.actor());
        FieldRules.required("status", command.status());
        catalogue.requireKnown(command.competitorId(), organizationId);
        CompetitorStatus current = competitors.get(command.competitorId());
        if (current != command.status()) {
            apply(new CompetitorMentionedEvent(dealId, organizationId, clientId, command.competitorId(), current,
                    command.status()));
        }
    }

    @EventSourcingHandler
    void on(DealCreatedEvent event) {
        dealId = event.dealId();
        organizationId = event.organizationId();
        clientId = event.clientId();
        name = event.name();
        value = event.value();
        stage = DealStage.LEAD;
    }

    @EventSourcingHandler
    void on(DealEditedEvent event) {
        name = event.name();
        value = event.value();
    }

    @EventSourcingHandler
    void on(DealStageChangedEvent event) {
        stage = event.newStage();
    }

    @EventSourcingHandler
    void on(DealLostEvent event) {
        stage = DealStage.CLOSED_LOST;
    }

    @EventSourcingHandler
    void on(DealWonEvent event) {
        stage = DealStage.CLOSED_WON;
    }

    @EventSourcingHandler
    void on(CompetitorMentionedEvent event) {
        competitors.put(event.competitorId(), event.status());
    }

    private static void checkDeal(String name, BigDecimal value) {
        FieldRules.requiredText("name", name, 200);
        FieldRules.usdAmount("value", value);
    }

    private void requireTenant(String callerOrganizationId) {
        if (!organizationId.equals(callerOrganizationId)) {
            throw DomainException.notInTenant();
        }
    }

    private void requireOpen(String callerOrganizationId) {
        requireTenant(callerOrganizationId);
        if (!DealLifecycle.OPEN.contains(stage)) {
            throw Refusals.state("stage", "the deal is " + Refusals.wire(stage) + " and can no longer change");
        }
    }

    private static LocalDate today() {
        return LocalDate.ofInstant(GenericEventMessage.clock.instant(), ZoneOffset.UTC);
    }
}
