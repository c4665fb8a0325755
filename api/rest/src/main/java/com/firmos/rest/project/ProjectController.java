package com.firmos.rest.project;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.firmos.api.messages.project.AssignTaskCommand;
import com.firmos.api.messages.project.ChangeProjectPhaseCommand;
import com.firmos.api.messages.project.ChangeProjectStatusCommand;
import com.firmos.api.messages.project.ChangeTaskStatusCommand;
import com.firmos.api.messages.project.CreateProjectCommand;
import com.firmos.api.messages.project.CreateTaskCommand;
import com.firmos.api.messages.project.DeleteProjectCommand;
import com.firmos.api.messages.project.EditProjectCommand;
import com.firmos.api.messages.project.EditTaskCommand;
import com.firmos.api.messages.project.FindProjectBoardQuery;
import com.firmos.api.messages.project.FindProjectQuery;
import com.firmos.api.messages.project.FindTaskQuery;
import com.firmos.api.messages.project.ProjectBoard;
import com.firmos.api.messages.project.ProjectPhase;
import com.firmos.api.messages.project.ProjectStatus;
import com.firmos.api.messages.project.ProjectView;
import com.firmos.api.messages.project.TaskDetails;
import com.firmos.api.messages.project.TaskEffort;
import com.firmos.api.messages.project.TaskPriority;
import com.firmos.api.messages.project.TaskStatus;
import com.firmos.api.messages.project.TaskView;
import com.firmos.rest.consistency.IfMatch;
import com.firmos.rest.consistency.RequestCommands;
import com.firmos.rest.consistency.Versions;
import com.firmos.rest.idempotency.IdempotentCreate;
import com.firmos.rest.problem.ApiProblem;
import com.firmos.rest.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/** Projects of an engagement, their phases and status, and their tasks. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Projects")
class ProjectController {

    private final RequestCommands commands;
    private final QueryGateway queries;

    ProjectController(RequestCommands commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    record ProjectRequest(UUID id, String name, String description, UUID serviceTemplateId) {
    }

    @Schema(name = "ProjectPhaseRequest")
    record PhaseRequest(ProjectPhase phase) {
    }

    record ProjectStatusRequest(ProjectStatus status) {
    }

    /** {@code priority} defaults to medium; {@code milestone} and {@code critical} to false. */
    record TaskRequest(UUID id, String title, String description, TaskPriority priority, TaskEffort effort,
            LocalDate dueDate, Boolean milestone, Boolean critical, ProjectPhase projectPhase, String assigneeId) {

        TaskDetails details() {
            return new TaskDetails(title, description, priority == null ? TaskPriority.MEDIUM : priority, effort,
                    dueDate, Boolean.TRUE.equals(milestone), Boolean.TRUE.equals(critical), projectPhase);
        }
    }

    record AssigneeRequest(String assigneeId) {
    }

    record TaskStatusRequest(TaskStatus status) {
    }

    @IdempotentCreate
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/engagements/{engagementId}/projects")
    @Operation(summary = "Create a project in the engagement")
    ResponseEntity<ProjectView> create(@PathVariable UUID engagementId, @RequestBody ProjectRequest body,
            CurrentUser user, HttpServletRequest request) {
        UUID id = commands.idFor(body.id(), "id", request);
        commands.send(new CreateProjectCommand(id, user.organizationId(), engagementId, body.name(), body.description(),
                body.serviceTemplateId()), user, request);
        ProjectView view = project(user, id);
        return ResponseEntity.created(URI.create("/api/v1/projects/" + id)).eTag(Versions.etag(view.version()))
                .body(view);
    }

    @GetMapping("/projects/{id}")
    @Operation(summary = "A project with its phase and status")
    ResponseEntity<ProjectView> get(@PathVariable UUID id, CurrentUser user) {
        return currentProject(user, id);
    }

    @PutMapping("/projects/{id}")
    @Operation(summary = "Edit a project")
    ResponseEntity<ProjectView> edit(@PathVariable UUID id, @RequestBody ProjectRequest body, @IfMatch Long expected,
            CurrentUser user, HttpServletRequest request) {
        commands.send(new EditProjectCommand(id, user.organizationId(), expected, body.name(), body.description()),
                user, request);
        return currentProject(user, id);
    }

    @PostMapping("/projects/{id}/phase")
    @Operation(summary = "Move the project forward one phase, or back to any earlier one")
    ResponseEntity<ProjectView> changePhase(@PathVariable UUID id, @RequestBody PhaseRequest body,
            @IfMatch Long expected, CurrentUser user, HttpServletRequest request) {
        commands.send(new ChangeProjectPhaseCommand(id, user.organizationId(), expected, body.phase()), user, request);
        return currentProject(user, id);
    }

    @PostMapping("/projects/{id}/status")
    @Operation(summary = "Change a project's status")
    ResponseEntity<ProjectView> changeStatus(@PathVariable UUID id, @RequestBody ProjectStatusRequest body,
            @IfMatch Long expected, CurrentUser user, HttpServletRequest request) {
        commands.send(new ChangeProjectStatusCommand(id, user.organizationId(), expected, body.status()), user,
                request);
        return currentProject(user, id);
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/projects/{id}")
    @Operation(summary = "Soft-delete the project: it leaves every list and takes no more changes")
    ResponseEntity<Void> delete(@PathVariable UUID id, CurrentUser user, HttpServletRequest request) {
        commands.send(new DeleteProjectCommand(id, user.organizationId()), user, request);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/projects/{id}/board")
    @Operation(summary = "The project's tasks by status, with counts per phase; overdue tasks are flagged")
    ProjectBoard board(@PathVariable UUID id, CurrentUser user) {
        return queries.query(new FindProjectBoardQuery(user.organizationId(), id),
                        ResponseTypes.optionalInstanceOf(ProjectBoard.class)).join()
                .orElseThrow(() -> ApiProblem.notFound("project"));
    }

    @IdempotentCreate
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/projects/{projectId}/tasks")
    @Operation(summary = "Create a task in the project")
    ResponseEntity<TaskView> createTask(@PathVariable UUID projectId, @RequestBody TaskRequest body,
            CurrentUser user, HttpServletRequest request) {
        UUID id = commands.idFor(body.id(), "id", request);
        commands.send(new CreateTaskCommand(id, user.organizationId(), projectId, body.details(), body.assigneeId()),
                user, request);
        TaskView view = task(user, id);
        return ResponseEntity.created(URI.create("/api/v1/tasks/" + id)).eTag(Versions.etag(view.version()))
                .body(view);
    }

    @GetMapping("/tasks/{id}")
    @Operation(summary = "A task")
    ResponseEntity<TaskView> getTask(@PathVariable UUID id, CurrentUser user) {
        return currentTask(user, id);
    }

    @PutMapping("/tasks/{id}")
    @Operation(summary = "Edit a task")
    ResponseEntity<TaskView> editTask(@PathVariable UUID id, @RequestBody TaskRequest body, @IfMatch Long expected,
            CurrentUser user, HttpServletRequest request) {
        commands.send(new EditTaskCommand(id, user.organizationId(), expected, body.details()), user, request);
        return currentTask(user, id);
    }

    @PutMapping("/tasks/{id}/assignee")
    @Operation(summary = "Assign a task, or unassign it with no assignee")
    ResponseEntity<TaskView> assign(@PathVariable UUID id, @RequestBody AssigneeRequest body, CurrentUser user,
            HttpServletRequest request) {
        commands.send(new AssignTaskCommand(id, user.organizationId(), body.assigneeId()), user, request);
        return currentTask(user, id);
    }

    @PostMapping("/tasks/{id}/status")
    @Operation(summary = "Move a task: todo → in_progress → review → completed; any open task can be cancelled")
    ResponseEntity<TaskView> changeTaskStatus(@PathVariable UUID id, @RequestBody TaskStatusRequest body,
            @IfMatch Long expected, CurrentUser user, HttpServletRequest request) {
        commands.send(new ChangeTaskStatusCommand(id, user.organizationId(), expected, body.status()), user, request);
        return currentTask(user, id);
    }

    private ResponseEntity<ProjectView> currentProject(CurrentUser user, UUID id) {
        ProjectView view = project(user, id);
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }

    private ResponseEntity<TaskView> currentTask(CurrentUser user, UUID id) {
        TaskView view = task(user, id);
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }

    private ProjectView project(CurrentUser user, UUID id) {
        return queries.query(new FindProjectQuery(user.organizationId(), id),
                        ResponseTypes.optionalInstanceOf(ProjectView.class)).join()
                .orElseThrow(() -> ApiProblem.notFound("project"));
    }

    private TaskView task(CurrentUser user, UUID id) {
        return queries.query(new FindTaskQuery(user.organizationId(), id),
                        ResponseTypes.optionalInstanceOf(TaskView.class)).join()
                .orElseThrow(() -> ApiProblem.notFound("task"));
    }
}
