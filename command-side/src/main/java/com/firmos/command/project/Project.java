package com.firmos.command.project;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

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
import com.firmos.api.messages.project.ChangeProjectPhaseCommand;
import com.firmos.api.messages.project.ChangeProjectStatusCommand;
import com.firmos.api.messages.project.CreateProjectCommand;
import com.firmos.api.messages.project.DeleteProjectCommand;
import com.firmos.api.messages.project.EditProjectCommand;
import com.firmos.api.messages.project.ProjectCreatedEvent;
import com.firmos.api.messages.project.ProjectDeletedEvent;
import com.firmos.api.messages.project.ProjectEditedEvent;
import com.firmos.api.messages.project.ProjectPhase;
import com.firmos.api.messages.project.ProjectPhaseChangedEvent;
import com.firmos.api.messages.project.ProjectStatus;
import com.firmos.api.messages.project.ProjectStatusChangedEvent;
import com.firmos.command.ClientWriteAccess;
import com.firmos.command.CommandSideConfiguration;
import com.firmos.command.DomainException;
import com.firmos.command.FieldRules;
import com.firmos.command.Refusals;
import com.firmos.command.engagement.EngagementLookup;

/** A deliverable inside an engagement, moving through phases from kickoff to handoff. Its tasks live apart. */
@Aggregate(snapshotTriggerDefinition = CommandSideConfiguration.SNAPSHOT_TRIGGER, cache = "projectCache")
class Project {

    @AggregateIdentifier
    private UUID projectId;
    private String organizationId;
    private UUID engagementId;
    // Kept for edits: no-op detection and the old values the event carries.
    private String name;
    private String description;
    private ProjectPhase phase;
    private ProjectStatus status;
    private boolean deleted;

    Project() {
    }

    /** Every change needs write access to the engagement's client; creations check it in their handlers. */
    @CommandHandlerInterceptor
    void requireWriteAccess(CommandMessage<?> command, ClientWriteAccess access) {
        if (projectId != null) {
            access.requireOnEngagement(engagementId, organizationId, command.getMetaData());
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CreateProjectCommand command, EngagementLookup engagements, MetaData metaData,
            ClientWriteAccess access) {
        if (projectId != null) {
            if (!organizationId.equals(command.organizationId()) || !Objects.equals(name, command.name())) {
                throw Refusals.idTaken();
            }
            return;
        }
        access.requireForEngagement(command.engagementId(), command.organizationId(), metaData);
        checkText(command.name(), command.description());
        engagements.requireOpen(command.engagementId(), command.organizationId());
        apply(new ProjectCreatedEvent(command.projectId(), command.organizationId(), command.engagementId(),
                command.name(), command.description(), command.serviceTemplateId()));
    }

    @CommandHandler
    void handle(EditProjectCommand command) {
        requireLive(command.organizationId());
        checkText(command.name(), command.description());
        if (!name.equals(command.name()) || !Objects.equals(description, command.description())) {
            apply(new ProjectEditedEvent(projectId, organizationId, engagementId, name, command.name(), description,
                    command.description()));
        }
    }

    @CommandHandler
    void handle(ChangeProjectPhaseCommand command) {
        requireLive(command.organizationId());
        FieldRules.required("phase", command.phase());
        if (ProjectLifecycle.finished(status)) {
            throw Refusals.state("phase", "a " + Refusals.wire(status) + " project no longer changes phase");
        }
        if (!ProjectLifecycle.canMovePhase(phase, command.phase())) {
            throw Refusals.state("phase", "a project moves forward one phase at a time or back to any earlier"
                    + " one; from " + Refusals.wire(phase) + " it cannot go to " + Refusals.wire(command.phase()));
        }
        apply(new ProjectPhaseChangedEvent(projectId, organizationId, engagementId, phase, command.phase()));
    }

    @CommandHandler
    void handle(ChangeProjectStatusCommand command) {
        requireLive(command.organizationId());
        FieldRules.required("status", command.status());
        if (!ProjectLifecycle.allowedTargets(status).contains(command.status())) {
            throw Refusals.move("project", status, command.status(), ProjectLifecycle.allowedTargets(status));
        }
        apply(new ProjectStatusChangedEvent(projectId, organizationId, engagementId, status, command.status(),
                command.status() == ProjectStatus.COMPLETED ? GenericEventMessage.clock.instant() : null));
    }

    @CommandHandler
    void handle(DeleteProjectCommand command) {
        requireLive(command.organizationId());
        apply(new ProjectDeletedEvent(projectId, organizationId, engagementId, GenericEventMessage.clock.instant()));
    }

    /** Called through {@link ProjectLookup} by tasks that are created in this project. */
    ProjectFacts factsForNewTask(String callerOrganizationId) {
        if (projectId == null || deleted || !organizationId.equals(callerOrganizationId)) {
            throw RepositoryProjectLookup.unknown();
        }
        if (ProjectLifecycle.finished(status)) {
            throw Refusals.state("projectId", "a " + Refusals.wire(status) + " project takes no new tasks");
        }
        return new ProjectFacts(projectId, engagementId);
    }

    @EventSourcingHandler
    void on(ProjectCreatedEvent event) {
        projectId = event.projectId();
        organizationId = event.organizationId();
        engagementId = event.engagementId();
        name = event.name();
        description = event.description();
        phase = ProjectPhase.KICKOFF;
        status = ProjectStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(ProjectEditedEvent event) {
        name = event.name();
        description = event.description();
    }

    @EventSourcingHandler
    void on(ProjectPhaseChangedEvent event) {
        phase = event.newPhase();
    }

    @EventSourcingHandler
    void on(ProjectStatusChangedEvent event) {
        status = event.newStatus();
    }

    @EventSourcingHandler
    void on(ProjectDeletedEvent event) {
        deleted = true;
    }

    private static void checkText(String name, String description) {
        FieldRules.requiredText("name", name, 200);
        FieldRules.maxLength("description", description, 10_000);
    }

    /** A deleted project is gone for every caller, like another tenant's. */
    private void requireLive(String callerOrganizationId) {
        if (deleted || !organizationId.equals(callerOrganizationId)) {
            throw DomainException.notFound("project");
        }
    }
}
