package com.firmos.command.crm;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import com.firmos.api.messages.Actor;
import com.firmos.api.messages.RefusalCode;
import com.firmos.api.messages.crm.AddStakeholderCommand;
import com.firmos.api.messages.crm.AssignClientCommand;
import com.firmos.api.messages.crm.AssignmentRole;
import com.firmos.api.messages.crm.ClientAssignedEvent;
import com.firmos.api.messages.crm.ClientCreatedEvent;
import com.firmos.api.messages.crm.ClientProfileEditedEvent;
import com.firmos.api.messages.crm.ClientStatus;
import com.firmos.api.messages.crm.ClientUnassignedEvent;
import com.firmos.api.messages.crm.CreateClientCommand;
import com.firmos.api.messages.crm.EditClientProfileCommand;
import com.firmos.api.messages.crm.EditStakeholderCommand;
import com.firmos.api.messages.crm.EraseStakeholderCommand;
import com.firmos.api.messages.crm.MeddpiccField;
import com.firmos.api.messages.crm.MeddpiccFieldSetEvent;
import com.firmos.api.messages.crm.RemoveStakeholderCommand;
import com.firmos.api.messages.crm.SetMeddpiccFieldCommand;
import com.firmos.api.messages.crm.StakeholderAddedEvent;
import com.firmos.api.messages.crm.StakeholderEditedEvent;
import com.firmos.api.messages.crm.StakeholderErasedEvent;
import com.firmos.api.messages.crm.StakeholderRemovedEvent;
import com.firmos.api.messages.crm.UnassignClientCommand;
import com.firmos.command.CommandSideConfiguration;
import com.firmos.command.DomainException;
import com.firmos.command.FieldRules;
import com.firmos.command.Refusals;

/**
 * A client company: its profile, MEDDPICC qualification, the users assigned to it and its stakeholders. A
 * client has tens of stakeholders, not thousands, so they live here, where the champion and economic buyer are
 * known.
 */
@Aggregate(snapshotTriggerDefinition = CommandSideConfiguration.SNAPSHOT_TRIGGER, cache = "clientCache")
// Raised whenever the snapshot's shape changes: snapshots of another revision are ignored, not misread.
@Revision("2")
class Client {

    /** A stakeholder's id stays known after removal, so a removed stakeholder can still be erased. */
    enum StakeholderState { CURRENT, REMOVED, ERASED }

    static final int MEDDPICC_MAX = 5_000;
    static final int STAKEHOLDERS_MAX = 200;

    @AggregateIdentifier
    private UUID clientId;
    private String organizationId;
    private String name;
    private Map<MeddpiccField, String> meddpicc = new EnumMap<>(MeddpiccField.class);
    private Map<String, AssignmentRole> assignments = new LinkedHashMap<>();
    private Map<UUID, StakeholderState> stakeholders = new LinkedHashMap<>();

    Client() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CreateClientCommand command) {
        if (clientId != null) {
            if (!organizationId.equals(command.organizationId()) || !name.equals(command.name())) {
                throw Refusals.idTaken();
            }
            return;
        }
        ClientAccessPolicy.requireAdminOrConsultant(command.actor());
        checkProfile(command.name(), command.budget());
        apply(new ClientCreatedEvent(command.clientId(), command.organizationId(), command.name(),
                command.status() == null ? ClientStatus.PROSPECT : command.status(), command.budget(),
                command.deadline()));
    }

    @CommandHandler
    void handle(EditClientProfileCommand command) {
        requireWriter(command.organizationId(), command.actor());
        checkProfile(command.name(), command.budget());
        FieldRules.required("status", command.status());
        apply(new ClientProfileEditedEvent(clientId, organizationId, command.name(), command.status(),
                command.budget(), command.deadline()));
    }

    @CommandHandler
    void handle(SetMeddpiccFieldCommand command) {
        requireWriter(command.organizationId(), command.actor());
        FieldRules.required("field", command.field());
        String value = command.value() == null || command.value().isBlank() ? null : command.value().strip();
        FieldRules.maxLength("value", value, MEDDPICC_MAX);
        if (!Objects.equals(meddpicc.get(command.field()), value)) {
            apply(new MeddpiccFieldSetEvent(clientId, organizationId, command.field(), meddpicc.get(command.field()),
                    value));
        }
    }

    @CommandHandler
    void handle(AssignClientCommand command) {
        requireTenant(command.organizationId());
        ClientAccessPolicy.requireAdmin(command.actor(), "only admins manage client assignments");
        FieldRules.requiredText("userId", command.userId(), 100);
        FieldRules.required("role", command.role());
        if (command.role() != assignments.get(command.userId())) {
            apply(new ClientAssignedEvent(clientId, organizationId, command.userId(), command.role()));
        }
    }

    @CommandHandler
    void handle(UnassignClientCommand command) {
        requireTenant(command.organizationId());
        ClientAccessPolicy.requireAdmin(command.actor(), "only admins manage client assignments");
        if (!assignments.containsKey(command.userId())) {
            throw DomainException.notFound("assignment");
        }
        apply(new ClientUnassignedEvent(clientId, organizationId, command.userId()));
    }

    @CommandHandler
    void handle(AddStakeholderCommand command) {
        requireWriter(command.organizationId(), command.actor());
        FieldRules.required("stakeholderId", command.stakeholderId());
        StakeholderPolicy.check(command.stakeholderId(), command.details());
        StakeholderState state = stakeholders.get(command.stakeholderId());
        if (state == StakeholderState.CURRENT) {
            // Sealed values differ on every request, so a retried add is recognised by its id alone.
            return;
        }
        requireNotErased(state);
        if (state == null && !command.newPerson()) {
            // The id names a person another entry (another client's) already holds: sharing it would share their
            // data key, and an erasure here would destroy theirs.
            throw Refusals.idTaken();
        }
        if (current().count() >= STAKEHOLDERS_MAX) {
            throw DomainException.invalid("stakeholderId", "a client has at most " + STAKEHOLDERS_MAX
                    + " stakeholders");
        }
        apply(new StakeholderAddedEvent(clientId, organizationId, command.stakeholderId(), command.details()));
    }

    @CommandHandler
    void handle(EditStakeholderCommand command) {
        requireWriter(command.organizationId(), command.actor());
        requireStakeholder(command.stakeholderId());
        StakeholderPolicy.check(command.stakeholderId(), command.details());
        apply(new StakeholderEditedEvent(clientId, organizationId, command.stakeholderId(), command.details()));
    }

    @CommandHandler
    void handle(RemoveStakeholderCommand command) {
        requireWriter(command.organizationId(), command.actor());
        requireStakeholder(command.stakeholderId());
        apply(new StakeholderRemovedEvent(clientId, organizationId, command.stakeholderId()));
    }

    @CommandHandler
    void handle(EraseStakeholderCommand command) {
        requireTenant(command.organizationId());
        ClientAccessPolicy.requireAdmin(command.actor(), "only admins erase people");
        StakeholderState state = stakeholders.get(command.stakeholderId());
        if (state == null) {
            throw DomainException.notFound("stakeholder");
        }
        if (state != StakeholderState.ERASED) {
            apply(new StakeholderErasedEvent(clientId, organizationId, command.stakeholderId()));
        }
    }

    /** Called through {@link ClientLookup} by deals and interactions of this client. */
    ClientFacts factsForWriter(String callerOrganizationId, Actor actor) {
        if (clientId == null || !organizationId.equals(callerOrganizationId)) {
            throw RepositoryClientLookup.unknown();
        }
        ClientAccessPolicy.requireWriter(actor, assignments);
        return new ClientFacts(clientId, current().collect(Collectors.toUnmodifiableSet()));
    }

    @EventSourcingHandler
    void on(ClientCreatedEvent event) {
        clientId = event.clientId();
        organizationId = event.organizationId();
        name = event.name();
    }

    @EventSourcingHandler
    void on(ClientProfileEditedEvent event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(MeddpiccFieldSetEvent event) {
        if (event.value() == null) {
            meddpicc.remove(event.field());
        } else {
            meddpicc.put(event.field(), event.value());
        }
    }

    @EventSourcingHandler
    void on(ClientAssignedEvent event) {
        assignments.put(event.userId(), event.role());
    }

    @EventSourcingHandler
    void on(ClientUnassignedEvent event) {
        assignments.remove(event.userId());
    }

    @EventSourcingHandler
    void on(StakeholderAddedEvent event) {
        stakeholders.put(event.stakeholderId(), StakeholderState.CURRENT);
    }

    @EventSourcingHandler
    void on(StakeholderRemovedEvent event) {
        stakeholders.put(event.stakeholderId(), StakeholderState.REMOVED);
    }

    @EventSourcingHandler
    void on(StakeholderErasedEvent event) {
        stakeholders.put(event.stakeholderId(), StakeholderState.ERASED);
    }

    private static void checkProfile(String name, BigDecimal budget) {
        FieldRules.requiredText("name", name, 200);
        if (budget != null && (budget.signum() < 0 || budget.scale() > 2)) {
            throw DomainException.invalid("budget", "budget is an amount of USD, not negative, in cents at most");
        }
    }

    private void requireTenant(String callerOrganizationId) {
        if (!organizationId.equals(callerOrganizationId)) {
            throw DomainException.notInTenant();
        }
    }

    private void requireWriter(String callerOrganizationId, Actor actor) {
        requireTenant(callerOrganizationId);
        ClientAccessPolicy.requireWriter(actor, assignments);
    }

    private void requireStakeholder(UUID stakeholderId) {
        if (stakeholderId == null || stakeholders.get(stakeholderId) != StakeholderState.CURRENT) {
            throw DomainException.notFound("stakeholder");
        }
    }

    private static void requireNotErased(StakeholderState state) {
        if (state == StakeholderState.ERASED) {
            throw new DomainException(RefusalCode.INVALID_TRANSITION, "stakeholderId", "this stakeholder was erased;"
                    + " the id cannot be used again");
        }
    }

    private Stream<UUID> current() {
        return stakeholders.entrySet().stream().filter(entry -> entry.getValue() == StakeholderState.CURRENT)
                .map(Map.Entry::getKey);
    }
}
