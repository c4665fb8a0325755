package com.firmos.query.project;

import static com.firmos.query.Jdbc.utc;
import static com.firmos.query.WireValues.wire;

import java.time.Instant;
import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.firmos.api.messages.project.ProjectCreatedEvent;
import com.firmos.api.messages.project.ProjectDeletedEvent;
import com.firmos.api.messages.project.ProjectEditedEvent;
import com.firmos.api.messages.project.ProjectPhaseChangedEvent;
import com.firmos.api.messages.project.ProjectStatusChangedEvent;
import com.firmos.api.messages.project.TaskAssignedEvent;
import com.firmos.api.messages.project.TaskCreatedEvent;
import com.firmos.api.messages.project.TaskDetails;
import com.firmos.api.messages.project.TaskEditedEvent;
import com.firmos.api.messages.project.TaskStatusChangedEvent;
import com.firmos.query.ProjectionTables;
import com.firmos.query.engagement.EngagementHub;

/**
 * Builds projects and their tasks, in the engagement hub's processing group. Rows carry the aggregate version
 * they reflect and every update is guarded by it ({@link EngagementHub}), so redelivery changes nothing; queries
 * live beside it in {@link ProjectQueries}.
 */
@Component
@ProcessingGroup(EngagementHub.PROCESSING_GROUP)
public class ProjectProjector implements ProjectionTables {

    private static final List<String> TABLES = List.of("task", "project");

    private final JdbcClient jdbc;
    private final EngagementHub hub;

    ProjectProjector(JdbcClient jdbc, EngagementHub hub) {
        this.jdbc = jdbc;
        this.hub = hub;
    }

    @EventHandler
    void on(ProjectCreatedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.sql("""
                INSERT INTO project (id, organization_id, engagement_id, name, description, service_template_id,
                    phase, status, version, created_at, updated_at)
                VALUES (:id, :org, :engagement, :name, :description, :template, 'kickoff', 'active', :version,
                    :at, :at)
                ON CONFLICT (organization_id, id) DO NOTHING""")
                .param("id", event.projectId()).param("org", event.organizationId())
                .param("engagement", event.engagementId()).param("name", event.name())
                .param("description", event.description()).param("template", event.serviceTemplateId())
                .param("version", version).param("at", utc(at))
                .update();
    }

    @EventHandler
    void on(ProjectEditedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        if (hub.advance("project", event.organizationId(), event.projectId(), version, at)) {
            jdbc.sql("UPDATE project SET name = :name, description = :description"
                            + " WHERE organization_id = :org AND id = :id")
                    .param("name", event.name()).param("description", event.description())
                    .param("id", event.projectId())
                    .param("org", event.organizationId())
                    .update();
        }
    }

    @EventHandler
    void on(ProjectPhaseChangedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        hub.update("project", event.organizationId(), event.projectId(), version, at,
                "phase = :value", wire(event.newPhase()));
    }

    @EventHandler
    void on(ProjectStatusChangedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        if (hub.advance("project", event.organizationId(), event.projectId(), version, at)) {
            jdbc.sql("UPDATE project SET status = :status, completed_at = :completedAt"
                            + " WHERE organization_id = :org AND id = :id")
                    .param("status", wire(event.newStatus())).param("completedAt", utc(event.completedAt()))
                    .param("id", event.projectId())
                    .param("org", event.organizationId())
                    .update();
        }
    }

    @EventHandler
    void on(ProjectDeletedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        hub.update("project", event.organizationId(), event.projectId(), version, at,
                "deleted_at = :value", utc(event.deletedAt()));
    }

    @EventHandler
    void on(TaskCreatedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        TaskDetails details = event.details();
        jdbc.sql("""
                INSERT INTO task (id, organization_id, engagement_id, project_id, title, description, status,
                    priority, effort, due_date, milestone, critical, assignee_id, project_phase, version, created_at,
                    updated_at)
                VALUES (:id, :org, :engagement, :project, :title, :description, 'todo', :priority, :effort, :due,
                    :milestone, :critical, :assignee, :phase, :version, :at, :at)
                ON CONFLICT (organization_id, id) DO NOTHING""")
                .param("id", event.taskId()).param("org", event.organizationId())
                .param("engagement", event.engagementId()).param("project", event.projectId())
                .param("title", details.title()).param("description", details.description())
                .param("priority", wire(details.priority())).param("effort", wire(details.effort()))
                .param("due", details.dueDate()).param("milestone", details.milestone())
                .param("critical", details.critical()).param("assignee", event.assigneeId())
                .param("phase", wire(details.projectPhase())).param("version", version).param("at", utc(at))
                .update();
    }

    @EventHandler
    void on(TaskEditedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        if (!hub.advance("task", event.organizationId(), event.taskId(), version, at)) {
            return;
        }
        TaskDetails details = event.details();
        jdbc.sql("""
                UPDATE task SET title = :title, description = :description, priority = :priority, effort = :effort,
                    due_date = :due, milestone = :milestone, critical = :critical, project_phase = :phase
                WHERE organization_id = :org AND id = :id""")
                .param("title", details.title()).param("description", details.description())
                .param("priority", wire(details.priority())).param("effort", wire(details.effort()))
                .param("due", details.dueDate()).param("milestone", details.milestone())
                .param("critical", details.critical()).param("phase", wire(details.projectPhase()))
                .param("id", event.taskId())
                .param("org", event.organizationId())
                    .update();
    }

    @EventHandler
    void on(TaskAssignedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        hub.update("task", event.organizationId(), event.taskId(), version, at, "assignee_id = :value",
                event.assigneeId());
    }

    @EventHandler
    void on(TaskStatusChangedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        if (hub.advance("task", event.organizationId(), event.taskId(), version, at)) {
            jdbc.sql("UPDATE task SET status = :status, completed_at = :completedAt"
                            + " WHERE organization_id = :org AND id = :id")
                    .param("status", wire(event.newStatus())).param("completedAt", utc(event.completedAt()))
                    .param("id", event.taskId())
                    .param("org", event.organizationId())
                    .update();
        }
    }

    @ResetHandler
    void reset() {
        clearTables(jdbc);
    }

    @Override
    public String processingGroup() {
        return EngagementHub.PROCESSING_GROUP;
    }

    @Override
    public List<String> tables() {
        return TABLES;
    }
}
