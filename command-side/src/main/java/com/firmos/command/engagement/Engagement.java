package com.firmos.command.engagement;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
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
import com.firmos.api.messages.activity.PlaybookPhase;
import com.firmos.api.messages.engagement.ChangeEngagementPhaseCommand;
import com.firmos.api.messages.engagement.CloseEngagementCommand;
import com.firmos.api.messages.engagement.EngagementClosedEvent;
import com.firmos.api.messages.engagement.EngagementFundedEvent;
import com.firmos.api.messages.engagement.EngagementOpenedEvent;
import com.firmos.api.messages.engagement.EngagementPausedEvent;
import com.firmos.api.messages.engagement.EngagementPhaseChangedEvent;
import com.firmos.api.messages.engagement.EngagementRenamedEvent;
import com.firmos.api.messages.engagement.EngagementResumedEvent;
import com.firmos.api.messages.engagement.EngagementStatus;
import com.firmos.api.messages.engagement.OpenEngagementCommand;
import com.firmos.api.messages.engagement.PauseEngagementCommand;
import com.firmos.api.messages.engagement.RecordEngagementFundingCommand;
import com.firmos.api.messages.engagement.RenameEngagementCommand;
import com.firmos.api.messages.engagement.ResumeEngagementCommand;
import com.firmos.command.ClientWriteAccess;
import com.firmos.command.CommandSideConfiguration;
import com.firmos.command.DomainException;
import com.firmos.command.FieldRules;
import com.firmos.command.Refusals;

/** The work relationship with a client: active, paused or closed, moving through the playbook phases. */
@Aggregate(snapshotTriggerDefinition = CommandSideConfiguration.SNAPSHOT_TRIGGER, cache = "engagementCache")
class Engagement {

    static final int NAME_MAX = 200;
    static final int REASON_MAX = 500;

    @AggregateIdentifier
    private UUID engagementId;
    private String organizationId;
    private UUID clientId;
    private String name;
    private EngagementStatus status;
    private PlaybookPhase phase;
    private Set<UUID> orders = new HashSet<>();

    Engagement() {
    }

    /** Every change needs write access to the client; creations check it in their handlers. */
    @CommandHandlerInterceptor
    void requireWriteAccess(CommandMessage<?> command, ClientWriteAccess access) {
        if (engagementId != null) {
            access.requireOnClient(clientId, organizationId, command.getMetaData());
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(OpenEngagementCommand command, MetaData metaData, ClientWriteAccess access) {
        if (engagementId != null) {
            if (!organizationId.equals(command.organizationId()) || !clientId.equals(command.clientId())) {
                throw Refusals.idTaken();
            }
            return;
        }
        FieldRules.required("clientId", command.clientId());
        access.requireForClient(command.clientId(), command.organizationId(), metaData);
        FieldRules.maxLength("name", command.name(), NAME_MAX);
        if (command.budget() != null) {
            FieldRules.usdAmount("budget", command.budget());
        }
        PlaybookPhase start = command.phase() == null ? PlaybookPhase.ALIGN : command.phase();
        apply(new EngagementOpenedEvent(command.engagementId(), command.organizationId(), command.clientId(),
                command.name(), start, command.dealId(), command.proposalId(), command.contractId(),
                command.budget()));
    }

    @CommandHandler
    void handle(RenameEngagementCommand command) {
        requireNotClosed(command.organizationId());
        FieldRules.maxLength("name", command.name(), NAME_MAX);
        if (!Objects.equals(name, command.name())) {
            apply(new EngagementRenamedEvent(engagementId, organizationId, name, command.name()));
        }
    }

    @CommandHandler
    void handle(PauseEngagementCommand command) {
        requireNotClosed(command.organizationId());
        if (status != EngagementStatus.ACTIVE) {
            throw Refusals.state("status", "only an active engagement can be paused; this one is "
                    + Refusals.wire(status));
        }
        apply(new EngagementPausedEvent(engagementId, organizationId));
    }

    @CommandHandler
    void handle(ResumeEngagementCommand command) {
        requireNotClosed(command.organizationId());
        if (status != EngagementStatus.PAUSED) {
            throw Refusals.state("status", "only a paused engagement can be resumed; this one is "
                    + Refusals.wire(status));
        }
        apply(new EngagementResumedEvent(engagementId, organizationId));
    }

    @CommandHandler
    void handle(CloseEngagementCommand command) {
        requireNotClosed(command.organizationId());
        FieldRules.required("outcome", command.outcome());
        apply(new EngagementClosedEvent(engagementId, organizationId, status, command.outcome(),
                GenericEventMessage.clock.instant()));
    }

    @CommandHandler
    void handle(ChangeEngagementPhaseCommand command) {
        requireNotClosed(command.organizationId());
        FieldRules.required("phase", command.phase());
        PlaybookPhase target = command.phase();
        if (target == phase) {
            throw Refusals.state("phase", "the engagement is already in " + Refusals.wire(phase));
        }
        if (target.ordinal() > phase.ordinal() + 1) {
            throw Refusals.state("phase", "phases advance one at a time: from " + Refusals.wire(phase) + " to "
                    + Refusals.wire(PlaybookPhase.values()[phase.ordinal() + 1]));
        }
        if (target.ordinal() < phase.ordinal()) {
            FieldRules.requiredText("reason", command.reason(), REASON_MAX);
        }
        apply(new EngagementPhaseChangedEvent(engagementId, organizationId, phase, target, command.reason()));
    }

    @CommandHandler
    void handle(RecordEngagementFundingCommand command) {
        requireTenant(command.organizationId());
        FieldRules.required("orderId", command.orderId());
        if (orders.contains(command.orderId())) {
            return;
        }
        requireNotClosed(command.organizationId());
        apply(new EngagementFundedEvent(engagementId, organizationId, command.orderId()));
    }

    /** Called through {@link EngagementLookup} by aggregates that add work to this engagement. */
    EngagementFacts factsForNewWork(String callerOrganizationId) {
        EngagementFacts facts = facts(callerOrganizationId);
        if (status == EngagementStatus.CLOSED) {
            throw Refusals.state("engagementId", "the engagement is closed and takes no new work");
        }
        return facts;
    }

    /** Called through {@link EngagementLookup} by aggregates that belong to this engagement, open or closed. */
    EngagementFacts facts(String callerOrganizationId) {
        if (engagementId == null || !organizationId.equals(callerOrganizationId)) {
            throw RepositoryEngagementLookup.unknown();
        }
        return new EngagementFacts(engagementId, phase, clientId);
    }

    @EventSourcingHandler
    void on(EngagementOpenedEvent event) {
        engagementId = event.engagementId();
        organizationId = event.organizationId();
        clientId = event.clientId();
        name = event.name();
        phase = event.phase();
        status = EngagementStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(EngagementRenamedEvent event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(EngagementPausedEvent event) {
        status = EngagementStatus.PAUSED;
    }

    @EventSourcingHandler
    void on(EngagementResumedEvent event) {
        status = EngagementStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(EngagementClosedEvent event) {
        status = EngagementStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(EngagementPhaseChangedEvent event) {
        phase = event.newPhase();
    }

    @EventSourcingHandler
    void on(EngagementFundedEvent event) {
        orders.add(event.orderId());
    }

    private void requireTenant(String callerOrganizationId) {
        if (!organizationId.equals(callerOrganizationId)) {
            throw DomainException.notInTenant();
        }
    }

    private void requireNotClosed(String callerOrganizationId) {
        requireTenant(callerOrganizationId);
        if (status == EngagementStatus.CLOSED) {
            throw Refusals.state(null, "the engagement is closed and can no longer change");
        }
    }
}
