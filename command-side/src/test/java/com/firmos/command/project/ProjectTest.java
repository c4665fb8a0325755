package com.firmos.command.project;

import static com.firmos.command.RefusalMatchers.refusal;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import com.firmos.api.messages.RefusalCode;
import com.firmos.api.messages.activity.PlaybookPhase;
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
import com.firmos.command.Caller;
import com.firmos.command.KnownClients;
import com.firmos.command.KnownEngagements;
import com.firmos.command.RefusalMatchers;

class ProjectTest {

    private static final String ORG = "org_acme";
    private static final UUID ID = UUID.fromString("9b000000-0000-4000-8000-000000000001");
    private static final UUID ENGAGEMENT = UUID.fromString("11111111-2222-4333-8444-555555555555");
    private static final UUID CLOSED_ENGAGEMENT = UUID.fromString("33333333-2222-4333-8444-555555555555");
    private static final ProjectCreatedEvent CREATED = new ProjectCreatedEvent(ID, ORG, ENGAGEMENT, "CRM rollout",
            "Roll out the CRM", null);

    private AggregateTestFixture<Project> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Project.class);
        fixture.registerInjectableResource(KnownClients.assignedToEngagement(ORG, ENGAGEMENT));
        fixture.registerInjectableResource(new KnownEngagements().open(ENGAGEMENT, ORG, PlaybookPhase.ALIGN)
                .closed(CLOSED_ENGAGEMENT, ORG));
    }

    @ParameterizedTest
    @EnumSource(Caller.class)
    void onlyCallersWithWriteAccessToTheEngagementsClientCreateProjects(Caller caller) {
        caller.expect(fixture.givenNoPriorActivity()
                .when(new CreateProjectCommand(ID, ORG, ENGAGEMENT, "CRM rollout", "Roll out the CRM", null),
                        caller.metaData(ORG)), CREATED);
    }

    @ParameterizedTest
    @EnumSource(Caller.class)
    void onlyCallersWithWriteAccessToTheEngagementsClientEditProjects(Caller caller) {
        caller.expect(fixture.given(CREATED)
                .when(new EditProjectCommand(ID, ORG, null, "CRM rollout EU", "Roll out the CRM"),
                        caller.metaData(ORG)),
                new ProjectEditedEvent(ID, ORG, ENGAGEMENT, "CRM rollout", "CRM rollout EU", "Roll out the CRM",
                        "Roll out the CRM"));
    }

    @Test
    void anIdTakenInAnotherTenantIsRefusedLikeAnIdTakenWithOtherContent() {
        fixture.given(CREATED)
                .when(new CreateProjectCommand(ID, "org_other", ENGAGEMENT, "CRM rollout", null, null),
                        Caller.ADMIN.metaData("org_other"))
                .expectException(RefusalMatchers.idTaken());
        fixture.given(CREATED)
                .when(new CreateProjectCommand(ID, ORG, ENGAGEMENT, "Another project", null, null))
                .expectException(RefusalMatchers.idTaken());
    }


    @Test
    void canCreateProjectInAnEngagement() {
        fixture.givenNoPriorActivity()
                .when(new CreateProjectCommand(ID, ORG, ENGAGEMENT, "CRM rollout", "Roll out the CRM", null))
                .expectEvents(CREATED);
    }

    @Test
    void cannotCreateProjectInClosedEngagement() {
        fixture.givenNoPriorActivity()
                .when(new CreateProjectCommand(ID, ORG, CLOSED_ENGAGEMENT, "CRM rollout", null, null))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, "engagementId"));
    }

    @Test
    void cannotCreateProjectWithoutName() {
        fixture.givenNoPriorActivity()
                .when(new CreateProjectCommand(ID, ORG, ENGAGEMENT, " ", null, null))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "name"));
    }

    @Test
    void canEditProject() {
        fixture.given(CREATED)
                .when(new EditProjectCommand(ID, ORG, null, "CRM rollout EU", "Roll out the CRM"))
                .expectEvents(new ProjectEditedEvent(ID, ORG, ENGAGEMENT, "CRM rollout", "CRM rollout EU",
                        "Roll out the CRM", "Roll out the CRM"));
    }

    @ParameterizedTest(name = "canMovePhaseFrom{0}To{1}")
    @CsvSource({"KICKOFF, SETUP", "SETUP, BUILD", "BUILD, TESTING", "TESTING, DEPLOYMENT", "DEPLOYMENT, HANDOFF",
            "HANDOFF, KICKOFF", "TESTING, BUILD", "DEPLOYMENT, SETUP"})
    void canMovePhaseForwardOneOrBackAny(ProjectPhase from, ProjectPhase to) {
        fixture.given(historyAt(from))
                .when(new ChangeProjectPhaseCommand(ID, ORG, null, to))
                .expectEvents(new ProjectPhaseChangedEvent(ID, ORG, ENGAGEMENT, from, to));
    }

    @ParameterizedTest(name = "cannotMovePhaseFrom{0}To{1}")
    @CsvSource({"KICKOFF, BUILD", "KICKOFF, HANDOFF", "SETUP, TESTING", "BUILD, BUILD"})
    void cannotSkipPhasesOrStay(ProjectPhase from, ProjectPhase to) {
        fixture.given(historyAt(from))
                .when(new ChangeProjectPhaseCommand(ID, ORG, null, to))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, "phase"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "canMove{0}ProjectTo{1}")
    @CsvSource({"ACTIVE, PAUSED", "ACTIVE, COMPLETED", "ACTIVE, CANCELLED", "PAUSED, ACTIVE", "PAUSED, COMPLETED",
            "PAUSED, CANCELLED"})
    void canMakeAllowedStatusChange(ProjectStatus from, ProjectStatus to) {
        Instant now = fixture.currentTime();
        fixture.given(statusHistory(from))
                .when(new ChangeProjectStatusCommand(ID, ORG, null, to))
                .expectEvents(new ProjectStatusChangedEvent(ID, ORG, ENGAGEMENT, from, to,
                        to == ProjectStatus.COMPLETED ? now : null));
    }

    @ParameterizedTest(name = "cannotMove{0}ProjectTo{1}")
    @CsvSource({"ACTIVE, ACTIVE", "PAUSED, PAUSED", "COMPLETED, ACTIVE", "COMPLETED, CANCELLED", "CANCELLED, ACTIVE",
            "CANCELLED, COMPLETED"})
    void cannotMakeRefusedStatusChange(ProjectStatus from, ProjectStatus to) {
        fixture.given(statusHistory(from))
                .when(new ChangeProjectStatusCommand(ID, ORG, null, to))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, "status"));
    }

    @Test
    void completedProjectNoLongerChangesPhase() {
        fixture.given(statusHistory(ProjectStatus.COMPLETED))
                .when(new ChangeProjectPhaseCommand(ID, ORG, null, ProjectPhase.SETUP))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, "phase"));
    }

    @Test
    void canSoftDeleteProject() {
        Instant now = fixture.currentTime();
        fixture.given(CREATED)
                .when(new DeleteProjectCommand(ID, ORG))
                .expectEvents(new ProjectDeletedEvent(ID, ORG, ENGAGEMENT, now));
    }

    @Test
    void deletedProjectIsGone() {
        fixture.given(CREATED, new ProjectDeletedEvent(ID, ORG, ENGAGEMENT, Instant.parse("2026-11-01T00:00:00Z")))
                .when(new EditProjectCommand(ID, ORG, null, "Back", null))
                .expectException(refusal(RefusalCode.NOT_FOUND, null));
    }

    private static Object[] historyAt(ProjectPhase phase) {
        if (phase == ProjectPhase.KICKOFF) {
            return new Object[] {CREATED};
        }
        return new Object[] {CREATED, new ProjectPhaseChangedEvent(ID, ORG, ENGAGEMENT, ProjectPhase.KICKOFF, phase)};
    }

    private static Object[] statusHistory(ProjectStatus status) {
        if (status == ProjectStatus.ACTIVE) {
            return new Object[] {CREATED};
        }
        return new Object[] {CREATED, new ProjectStatusChangedEvent(ID, ORG, ENGAGEMENT, ProjectStatus.ACTIVE,
                status, null)};
    }
}
