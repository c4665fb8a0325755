package com.firmos.command.project;

import static com.firmos.command.RefusalMatchers.refusal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import com.firmos.api.messages.RefusalCode;
import com.firmos.api.messages.activity.PlaybookPhase;
import com.firmos.api.messages.project.AssignTaskCommand;
import com.firmos.api.messages.project.ChangeTaskStatusCommand;
import com.firmos.api.messages.project.CreateTaskCommand;
import com.firmos.api.messages.project.EditTaskCommand;
import com.firmos.api.messages.project.ProjectPhase;
import com.firmos.api.messages.project.TaskAssignedEvent;
import com.firmos.api.messages.project.TaskCreatedEvent;
import com.firmos.api.messages.project.TaskDetails;
import com.firmos.api.messages.project.TaskEditedEvent;
import com.firmos.api.messages.project.TaskEffort;
import com.firmos.api.messages.project.TaskPriority;
import com.firmos.api.messages.project.TaskStatus;
import com.firmos.api.messages.project.TaskStatusChangedEvent;
import com.firmos.command.Caller;
import com.firmos.command.DomainException;
import com.firmos.command.KnownClients;
import com.firmos.command.KnownEngagements;

class TaskTest {

    private static final String ORG = "org_acme";
    private static final UUID ID = UUID.fromString("7a000000-0000-4000-8000-000000000001");
    private static final UUID PROJECT = UUID.fromString("9b000000-0000-4000-8000-000000000001");
    private static final UUID FINISHED_PROJECT = UUID.fromString("9b000000-0000-4000-8000-000000000002");
    private static final UUID ENGAGEMENT = UUID.fromString("11111111-2222-4333-8444-555555555555");
    private static final TaskDetails DETAILS = new TaskDetails("Configure SSO", null, TaskPriority.HIGH,
            TaskEffort.MEDIUM, LocalDate.of(2026, 12, 1), false, true, ProjectPhase.SETUP);
    private static final TaskCreatedEvent CREATED = new TaskCreatedEvent(ID, ORG, ENGAGEMENT, PROJECT, DETAILS,
            "user_bob");

    private AggregateTestFixture<Task> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Task.class);
        fixture.registerInjectableResource(KnownClients.assignedToEngagement(ORG, ENGAGEMENT));
        fixture.registerInjectableResource(new KnownEngagements().open(ENGAGEMENT, ORG, PlaybookPhase.ALIGN));
        fixture.registerInjectableResource((ProjectLookup) (projectId, organizationId) -> {
            if (!ORG.equals(organizationId) || !PROJECT.equals(projectId) && !FINISHED_PROJECT.equals(projectId)) {
                throw RepositoryProjectLookup.unknown();
            }
            if (FINISHED_PROJECT.equals(projectId)) {
                throw new DomainException(RefusalCode.INVALID_TRANSITION, "projectId", "completed project");
            }
            return new ProjectFacts(projectId, ENGAGEMENT);
        });
    }

    @ParameterizedTest
    @EnumSource(Caller.class)
    void onlyCallersWithWriteAccessToTheEngagementsClientCreateTasks(Caller caller) {
        caller.expect(fixture.givenNoPriorActivity()
                .when(new CreateTaskCommand(ID, ORG, PROJECT, DETAILS, "user_bob"), caller.metaData(ORG)), CREATED);
    }

    @ParameterizedTest
    @EnumSource(Caller.class)
    void onlyCallersWithWriteAccessToTheEngagementsClientEditTasks(Caller caller) {
        TaskDetails urgent = new TaskDetails("Configure SSO", null, TaskPriority.URGENT, null, null, false, false,
                null);
        caller.expect(fixture.given(CREATED).when(new EditTaskCommand(ID, ORG, null, urgent), caller.metaData(ORG)),
                new TaskEditedEvent(ID, ORG, ENGAGEMENT, PROJECT, DETAILS, urgent));
    }


    @Test
    void canCreateTaskInAProjectOfItsEngagement() {
        fixture.givenNoPriorActivity()
                .when(new CreateTaskCommand(ID, ORG, PROJECT, DETAILS, "user_bob"))
                .expectEvents(CREATED);
    }

    @Test
    void cannotCreateTaskInUnknownProject() {
        fixture.givenNoPriorActivity()
                .when(new CreateTaskCommand(ID, ORG, UUID.randomUUID(), DETAILS, null))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "projectId"));
    }

    @Test
    void cannotCreateTaskInFinishedProject() {
        fixture.givenNoPriorActivity()
                .when(new CreateTaskCommand(ID, ORG, FINISHED_PROJECT, DETAILS, null))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, "projectId"));
    }

    @Test
    void cannotCreateTaskWithoutTitle() {
        TaskDetails untitled = new TaskDetails(null, null, null, null, null, false, false, null);
        fixture.givenNoPriorActivity()
                .when(new CreateTaskCommand(ID, ORG, PROJECT, untitled, null))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "title"));
    }

    @Test
    void canEditTask() {
        TaskDetails milestone = new TaskDetails("Configure SSO", null, TaskPriority.URGENT, TaskEffort.HEAVY,
                LocalDate.of(2026, 12, 5), true, true, ProjectPhase.BUILD);
        fixture.given(CREATED)
                .when(new EditTaskCommand(ID, ORG, null, milestone))
                .expectEvents(new TaskEditedEvent(ID, ORG, ENGAGEMENT, PROJECT, DETAILS, milestone));
    }

    @Test
    void canReassignTask() {
        fixture.given(CREATED)
                .when(new AssignTaskCommand(ID, ORG, "user_ada"))
                .expectEvents(new TaskAssignedEvent(ID, ORG, ENGAGEMENT, PROJECT, "user_bob", "user_ada"));
    }

    @ParameterizedTest(name = "canMove{0}TaskTo{1}")
    @CsvSource({"TODO, IN_PROGRESS", "IN_PROGRESS, REVIEW", "REVIEW, COMPLETED", "TODO, CANCELLED",
            "IN_PROGRESS, CANCELLED", "REVIEW, CANCELLED"})
    void canMakeAllowedStatusChange(TaskStatus from, TaskStatus to) {
        Instant now = fixture.currentTime();
        fixture.given(historyReaching(from))
                .when(new ChangeTaskStatusCommand(ID, ORG, null, to))
                .expectEvents(new TaskStatusChangedEvent(ID, ORG, ENGAGEMENT, PROJECT, from, to,
                        to == TaskStatus.COMPLETED ? now : null));
    }

    @ParameterizedTest(name = "cannotMove{0}TaskTo{1}")
    @CsvSource({"TODO, REVIEW", "TODO, COMPLETED", "TODO, TODO", "IN_PROGRESS, TODO", "IN_PROGRESS, COMPLETED",
            "REVIEW, IN_PROGRESS", "REVIEW, TODO", "COMPLETED, CANCELLED", "COMPLETED, TODO", "CANCELLED, TODO",
            "CANCELLED, IN_PROGRESS"})
    void cannotMakeRefusedStatusChange(TaskStatus from, TaskStatus to) {
        fixture.given(historyReaching(from))
                .when(new ChangeTaskStatusCommand(ID, ORG, null, to))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, "status"))
                .expectNoEvents();
    }

    @Test
    void completedTaskCannotBeEdited() {
        fixture.given(historyReaching(TaskStatus.COMPLETED))
                .when(new AssignTaskCommand(ID, ORG, "user_ada"))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, "status"));
    }

    private static Object[] historyReaching(TaskStatus status) {
        return switch (status) {
            case TODO -> new Object[] {CREATED};
            case IN_PROGRESS -> new Object[] {CREATED, moved(TaskStatus.TODO, TaskStatus.IN_PROGRESS)};
            case REVIEW -> new Object[] {CREATED, moved(TaskStatus.TODO, TaskStatus.IN_PROGRESS),
                    moved(TaskStatus.IN_PROGRESS, TaskStatus.REVIEW)};
            case COMPLETED -> new Object[] {CREATED, moved(TaskStatus.TODO, TaskStatus.IN_PROGRESS),
                    moved(TaskStatus.IN_PROGRESS, TaskStatus.REVIEW), moved(TaskStatus.REVIEW, TaskStatus.COMPLETED)};
            case CANCELLED -> new Object[] {CREATED, moved(TaskStatus.TODO, TaskStatus.CANCELLED)};
        };
    }

    private static TaskStatusChangedEvent moved(TaskStatus from, TaskStatus to) {
        return new TaskStatusChangedEvent(ID, ORG, ENGAGEMENT, PROJECT, from, to, null);
    }
}
