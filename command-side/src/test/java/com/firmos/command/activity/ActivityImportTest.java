package com.firmos.command.activity;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.firmos.api.messages.activity.ActivityCreatedEvent;
import com.firmos.api.messages.activity.ActivityDetails;
import com.firmos.api.messages.activity.ActivityImportedFromMilestoneEvent;
import com.firmos.api.messages.activity.ActivityStatus;
import com.firmos.api.messages.activity.ActivityStatusChangedEvent;
import com.firmos.api.messages.activity.ChangeActivityStatusCommand;
import com.firmos.api.messages.activity.ImportMilestoneCommand;
import com.firmos.api.messages.activity.PlaybookPhase;
import com.firmos.api.messages.activity.TimeBucket;
import com.firmos.command.DomainException;
import com.firmos.command.KnownClients;
import com.firmos.command.KnownEngagements;

class ActivityImportTest {

    private static final String ORG = "org_acme";
    private static final UUID ID = UUID.fromString("7d1c1b2e-3f4a-4b5c-8d9e-0a1b2c3d4e5f");
    private static final UUID MILESTONE = UUID.fromString("0c1b2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5");
    private static final UUID ENGAGEMENT = UUID.fromString("11111111-2222-4333-8444-555555555555");
    private static final UUID CLOSED_ENGAGEMENT = UUID.fromString("33333333-2222-4333-8444-555555555555");
    private static final Instant COMPLETED = Instant.parse("2025-06-30T16:00:00Z");
    private static final ActivityDetails MILESTONE_DETAILS = new ActivityDetails("Kick-off", "With the sponsor",
            null, null, null, TimeBucket.THIS_QUARTER, null, null, 2);
    private static final ActivityDetails IN_ENGAGEMENT_PHASE = new ActivityDetails("Kick-off", "With the sponsor",
            null, null, PlaybookPhase.ACTIVATE, TimeBucket.THIS_QUARTER, null, null, 2);

    private AggregateTestFixture<Activity> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Activity.class);
        fixture.registerInjectableResource(KnownClients.unchecked());
        fixture.registerInjectableResource(new KnownEngagements()
                .open(ENGAGEMENT, ORG, PlaybookPhase.ACTIVATE)
                .closed(CLOSED_ENGAGEMENT, ORG));
    }

    @ParameterizedTest(name = "canImportMilestoneAs{0}")
    @CsvSource({"PLANNED", "IN_PROGRESS", "DONE", "SKIPPED"})
    void canImportMilestoneWithItsStatusAndTheEngagementsPhase(ActivityStatus status) {
        fixture.givenNoPriorActivity()
                .when(importMilestone(ENGAGEMENT, status))
                .expectEvents(new ActivityImportedFromMilestoneEvent(ID, ORG, ENGAGEMENT, MILESTONE,
                        IN_ENGAGEMENT_PHASE, status, COMPLETED, "user_ada"));
    }

    @Test
    void importingTheSameMilestoneAgainChangesNothing() {
        fixture.given(imported(ActivityStatus.DONE))
                .when(importMilestone(ENGAGEMENT, ActivityStatus.DONE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotImportMilestoneOverAnotherActivity() {
        fixture.given(new ActivityCreatedEvent(ID, ORG, ENGAGEMENT, IN_ENGAGEMENT_PHASE, ActivityStatus.PLANNED))
                .when(importMilestone(ENGAGEMENT, ActivityStatus.DONE))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void cannotImportMilestoneAsSuggestion() {
        fixture.givenNoPriorActivity()
                .when(importMilestone(ENGAGEMENT, ActivityStatus.SUGGESTION))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void cannotImportMilestoneIntoClosedEngagement() {
        fixture.givenNoPriorActivity()
                .when(importMilestone(CLOSED_ENGAGEMENT, ActivityStatus.PLANNED))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void canReopenImportedDoneActivity() {
        fixture.given(imported(ActivityStatus.DONE))
                .when(new ChangeActivityStatusCommand(ID, ORG, null, ActivityStatus.PLANNED, null, "user_ada", null))
                .expectEvents(new ActivityStatusChangedEvent(ID, ORG, ENGAGEMENT, ActivityStatus.DONE,
                        ActivityStatus.PLANNED, null, null, null, null));
    }

    private static ImportMilestoneCommand importMilestone(UUID engagement, ActivityStatus status) {
        return new ImportMilestoneCommand(ID, ORG, engagement, MILESTONE, MILESTONE_DETAILS, status, COMPLETED,
                "user_ada");
    }

    private static ActivityImportedFromMilestoneEvent imported(ActivityStatus status) {
        return new ActivityImportedFromMilestoneEvent(ID, ORG, ENGAGEMENT, MILESTONE, IN_ENGAGEMENT_PHASE, status,
                COMPLETED, "user_ada");
    }
}
