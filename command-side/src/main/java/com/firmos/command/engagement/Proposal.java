package com.firmos.command.engagement;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import com.firmos.api.messages.RefusalCode;
import com.firmos.api.messages.engagement.AcceptProposalCommand;
import com.firmos.api.messages.engagement.ChangeProposalStatusCommand;
import com.firmos.api.messages.engagement.DraftProposalCommand;
import com.firmos.api.messages.engagement.EditProposalCommand;
import com.firmos.api.messages.engagement.ProposalAcceptedEvent;
import com.firmos.api.messages.engagement.ProposalDraftedEvent;
import com.firmos.api.messages.engagement.ProposalEditedEvent;
import com.firmos.api.messages.engagement.ProposalStatus;
import com.firmos.api.messages.engagement.ProposalStatusChangedEvent;
import com.firmos.command.ClientWriteAccess;
import com.firmos.command.DomainException;
import com.firmos.command.FieldRules;
import com.firmos.command.Refusals;

/** A sales proposal. Accepting it (signing) starts {@link ProposalAcceptanceSaga}. */
@Aggregate
class Proposal {

    @AggregateIdentifier
    private UUID proposalId;
    private String organizationId;
    private UUID clientId;
    private UUID dealId;
    // Set when the proposal funds an existing engagement; otherwise acceptance opens a new one.
    private UUID engagementId;
    private String title;
    private BigDecimal amount;
    private ProposalStatus status;

    Proposal() {
    }

    /** Every change needs write access to the client; creations check it in their handlers. */
    @CommandHandlerInterceptor
    void requireWriteAccess(CommandMessage<?> command, ClientWriteAccess access) {
        if (proposalId != null) {
            access.requireOnClient(clientId, organizationId, command.getMetaData());
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(DraftProposalCommand command, EngagementLookup engagements, MetaData metaData,
            ClientWriteAccess access) {
        if (proposalId != null) {
            if (!organizationId.equals(command.organizationId()) || !Objects.equals(title, command.title())) {
                throw Refusals.idTaken();
            }
            return;
        }
        FieldRules.required("clientId", command.clientId());
        access.requireForClient(command.clientId(), command.organizationId(), metaData);
        FieldRules.requiredText("title", command.title(), 200);
        FieldRules.usdAmount("amount", command.amount());
        if (command.fundedEngagementId() != null) {
            engagements.requireOpen(command.fundedEngagementId(), command.organizationId())
                    .requireOfClient(command.clientId(), "fundedEngagementId");
        }
        apply(new ProposalDraftedEvent(command.proposalId(), command.organizationId(), command.clientId(),
                command.dealId(), command.fundedEngagementId(), command.title(), command.amount()));
    }

    @CommandHandler
    void handle(EditProposalCommand command) {
        requireTenant(command.organizationId());
        if (status != ProposalStatus.DRAFT) {
            throw Refusals.state("status", "only a draft can be edited; this proposal is " + Refusals.wire(status));
        }
        FieldRules.requiredText("title", command.title(), 200);
        FieldRules.usdAmount("amount", command.amount());
        if (!title.equals(command.title()) || amount.compareTo(command.amount()) != 0) {
            apply(new ProposalEditedEvent(proposalId, organizationId, title, command.title(), amount,
                    command.amount()));
        }
    }

    @CommandHandler
    void handle(ChangeProposalStatusCommand command) {
        requireTenant(command.organizationId());
        FieldRules.required("status", command.status());
        if (command.status() == ProposalStatus.ACCEPTED) {
            throw DomainException.invalid("status", "a proposal is accepted by signing it, not by a status change");
        }
        if (!ProposalLifecycle.allowedTargets(status).contains(command.status())) {
            throw Refusals.move("proposal", status, command.status(), ProposalLifecycle.allowedTargets(status));
        }
        apply(new ProposalStatusChangedEvent(proposalId, organizationId, status, command.status()));
    }

    /** A retried acceptance finds the proposal accepted and changes nothing, so the saga runs once. */
    @CommandHandler
    void handle(AcceptProposalCommand command) {
        requireTenant(command.organizationId());
        if (status == ProposalStatus.ACCEPTED) {
            return;
        }
        if (!ProposalLifecycle.allowedTargets(status).contains(ProposalStatus.ACCEPTED)) {
            throw Refusals.move("proposal", status, ProposalStatus.ACCEPTED, ProposalLifecycle.allowedTargets(status));
        }
        boolean newEngagement = engagementId == null;
        apply(new ProposalAcceptedEvent(proposalId, organizationId, clientId, dealId,
                newEngagement ? UUID.randomUUID() : engagementId, newEngagement, UUID.randomUUID(), title, amount,
                command.acceptedBy(), GenericEventMessage.clock.instant()));
    }

    @EventSourcingHandler
    void on(ProposalDraftedEvent event) {
        proposalId = event.proposalId();
        organizationId = event.organizationId();
        clientId = event.clientId();
        dealId = event.dealId();
        engagementId = event.fundedEngagementId();
        title = event.title();
        amount = event.amount();
        status = ProposalStatus.DRAFT;
    }

    @EventSourcingHandler
    void on(ProposalEditedEvent event) {
        title = event.title();
        amount = event.amount();
    }

    @EventSourcingHandler
    void on(ProposalStatusChangedEvent event) {
        status = event.newStatus();
    }

    @EventSourcingHandler
    void on(ProposalAcceptedEvent event) {
        status = ProposalStatus.ACCEPTED;
        engagementId = event.convertedEngagementId();
    }

    private void requireTenant(String callerOrganizationId) {
        if (!organizationId.equals(callerOrganizationId)) {
            throw DomainException.notInTenant();
        }
    }
}
