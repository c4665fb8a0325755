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
import com.firmos.api.messages.project.AssignTaskCommand;
import com.firmos.api.messages.project.ChangeTaskStatusCommand;
import com.firmos.api.messages.project.CreateTaskCommand;
import com.firmos.api.messages.project.EditTaskCommand;
import com.firmos.api.messages.project.TaskAssignedEvent;
import com.firmos.api.messages.project.TaskCreatedEvent;
import com.firmos.api.messages.project.TaskDetails;
import com.firmos.api.messages.project.TaskEditedEvent;
import com.firmos.api.messages.project.TaskStatus;
import com.firmos.api.messages.project.TaskStatusChangedEvent;
import com.firmos.command.ClientWriteAccess;
import com.firmos.command.CommandSideConfiguration;
import com.firmos.command.DomainException;
import com.firmos.command.FieldRules;
import com.firmos.command.Refusals;
import com.firmos.command.engagement.EngagementLookup;

/** A unit of work in a project; an aggregate of its own so that a project never loads its tasks. */
@Aggregate(snapshotTriggerDefinition = CommandSideConfiguration.SNAPSHOT_TRIGGER, cache = "taskCache")
class Task {

    @AggregateIdentifier
    private UUID taskId;
    private String organizationId;
    private UUID engagementId;
    private UUID projectId;
    private TaskDetails details;
    private String assigneeId;
    private TaskStatus status;

    Task() {
    }

    /** Every change needs write access to the engagement's client; creations check it in their handlers. */
    @CommandHandlerInterceptor
    void requireWriteAccess(CommandMessage<?> command, ClientWriteAccess access) {
        if (taskId != null) {
            access.requireOnEngagement(engagementId, organizationId, command.getMetaData());
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CreateTaskCommand command, ProjectLookup projects, EngagementLookup engagements,
            MetaData metaData, ClientWriteAccess access) {
        if (taskId != null) {
            if (!organizationId.equals(command.organizationId()) || !details.equals(command.details())) {
                throw Refusals.idTaken();
            }
            return;
        }
        ProjectFacts project = projects.requireOpen(command.projectId(), command.organizationId());
        access.requireForEngagement(project.engagementId(), command.organizationId(), metaData);
        check(command.details());
        FieldRules.maxLength("assigneeId", command.assigneeId(), 100);
        engagements.requireOpen(project.engagementId(), command.organizationId());
        apply(new TaskCreatedEvent(command.taskId(), command.organizationId(), project.engagementId(),
                command.projectId(), command.details(), command.assigneeId()));
    }

    @CommandHandler
    void handle(EditTaskCommand command) {
        requireOpen(command.organizationId());
        check(command.details());
        if (!details.equals(command.details())) {
            apply(new TaskEditedEvent(taskId, organizationId, engagementId, projectId, details, command.details()));
        }
    }

    @CommandHandler
    void handle(AssignTaskCommand command) {
        requireOpen(command.organizationId());
        String assignee = command.assigneeId() == null || command.assigneeId().isBlank() ? null : command.assigneeId();
        FieldRules.maxLength("assigneeId", assignee, 100);
        if (!Objects.equals(assigneeId, assignee)) {
            apply(new TaskAssignedEvent(taskId, organizationId, engagementId, projectId, assigneeId, assignee));
        }
    }

    @CommandHandler
    void handle(ChangeTaskStatusCommand command) {
        requireTenant(command.organizationId());
        FieldRules.required("status", command.status());
        if (!TaskLifecycle.allowedTargets(status).contains(command.status())) {
            throw Refusals.move("task", status, command.status(), TaskLifecycle.allowedTargets(status));
        }
        apply(new TaskStatusChangedEvent(taskId, organizationId, engagementId, projectId, status, command.status(),
                command.status() == TaskStatus.COMPLETED ? GenericEventMessage.clock.instant() : null));
    }

    @EventSourcingHandler
    void on(TaskCreatedEvent event) {
        taskId = event.taskId();
        organizationId = event.organizationId();
        engagementId = event.engagementId();
        projectId = event.projectId();
        details = event.details();
        assigneeId = event.assigneeId();
        status = TaskStatus.TODO;
    }

    @EventSourcingHandler
    void on(TaskEditedEvent event) {
        details = event.details();
    }

    @EventSourcingHandler
    void on(TaskAssignedEvent event) {
        assigneeId = event.assigneeId();
    }

    @EventSourcingHandler
    void on(TaskStatusChangedEvent event) {
        status = event.newStatus();
    }

    private static void check(TaskDetails details) {
        FieldRules.required("details", details);
        FieldRules.requiredText("title", details.title(), 200);
        FieldRules.maxLength("description", details.description(), 10_000);
    }

    private void requireTenant(String callerOrganizationId) {
        if (!organizationId.equals(callerOrganizationId)) {
            throw DomainException.notInTenant();
        }
    }

    private void requireOpen(String callerOrganizationId) {
        requireTenant(callerOrganizationId);
        if (TaskLifecycle.finished(status)) {
            throw Refusals.state("status", "a " + Refusals.wire(status) + " task can no longer change");
        }
    }
}
