package com.firmos.command.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import com.firmos.api.messages.RefusalCode;
import com.firmos.api.messages.activity.ActivityCreatedEvent;
import com.firmos.api.messages.activity.ActivityDetails;
import com.firmos.api.messages.activity.ActivityDetailsEditedEvent;
import com.firmos.api.messages.activity.ActivityMovedEvent;
import com.firmos.api.messages.activity.ActivityStatus;
import com.firmos.api.messages.activity.ActivityStatusChangedEvent;
import com.firmos.api.messages.activity.ActivitySuggestionDismissedEvent;
import com.firmos.api.messages.activity.ChangeActivityStatusCommand;
import com.firmos.api.messages.activity.CreateActivityCommand;
import com.firmos.api.messages.activity.DismissActivitySuggestionCommand;
import com.firmos.api.messages.activity.EditActivityDetailsCommand;
import com.firmos.api.messages.activity.MoveActivityCommand;
import com.firmos.api.messages.activity.PlaybookPhase;
import com.firmos.api.messages.activity.ScoreData;
import com.firmos.api.messages.activity.ScoreMetric;
import com.firmos.api.messages.activity.TimeBucket;
import com.firmos.command.Caller;
import com.firmos.command.DomainException;
import com.firmos.command.KnownClients;
import com.firmos.command.KnownEngagements;
import com.firmos.command.RefusalMatchers;

/**
 * An activity card itself (what {@code ActivityController} changes): creation, details, its place on the board,
 * status with the score data of a completion, and dismissal. Its parts are {@link ActivityPartsTest}'s.
 */
class ActivityLifecycleTest {

    private static final String ORG = "org_acme";
    private static final String USER = "user_ada";
    private static final UUID ID = UUID.fromString("7d1c1b2e-3f4a-4b5c-8d9e-0a1b2c3d4e5f");
    private static final UUID ENGAGEMENT = UUID.fromString("11111111-2222-4333-8444-555555555555");
    private static final UUID CLOSED_ENGAGEMENT = UUID.fromString("33333333-2222-4333-8444-555555555555");
    private static final ActivityDetails DETAILS = new ActivityDetails("Stakeholder interviews", "Talk to ten",
            "pentagon", "yellow", PlaybookPhase.ALIGN, TimeBucket.THIS_QUARTER, LocalDate.of(2026, 12, 1),
            LocalDate.of(2026, 12, 15), 0);

    private AggregateTestFixture<Activity> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Activity.class);
        fixture.registerInjectableResource(KnownClients.assignedToEngagement(ORG, ENGAGEMENT));
        fixture.registerInjectableResource(new KnownEngagements()
                .open(ENGAGEMENT, ORG, PlaybookPhase.ACTIVATE)
                .closed(CLOSED_ENGAGEMENT, ORG));
    }

    @ParameterizedTest
    @EnumSource(Caller.class)
    void onlyCallersWithWriteAccessToTheEngagementsClientCreateActivities(Caller caller) {
        caller.expect(fixture.givenNoPriorActivity().when(create(ActivityStatus.PLANNED), caller.metaData(ORG)),
                created(ActivityStatus.PLANNED));
    }

    @ParameterizedTest
    @EnumSource(Caller.class)
    void onlyCallersWithWriteAccessToTheEngagementsClientChangeActivityStatus(Caller caller) {
        caller.expect(fixture.given(created(ActivityStatus.PLANNED))
                .when(move(ActivityStatus.SKIPPED), caller.metaData(ORG)),
                new ActivityStatusChangedEvent(ID, ORG, ENGAGEMENT, ActivityStatus.PLANNED, ActivityStatus.SKIPPED,
                        "moved", null, null, null));
    }

    @Test
    void unassignedConsultantIsRefusedBeforeTheBodyIsChecked() {
        fixture.givenNoPriorActivity()
                .when(new CreateActivityCommand(ID, ORG, ENGAGEMENT, null, null),
                        Caller.UNASSIGNED_CONSULTANT.metaData(ORG))
                .expectException(refusal(RefusalCode.FORBIDDEN, null));
    }

    @Test
    void anIdTakenInAnotherTenantIsRefusedLikeAnIdTakenWithOtherContent() {
        fixture.given(created(ActivityStatus.PLANNED))
                .when(new CreateActivityCommand(ID, "org_other", ENGAGEMENT, DETAILS, ActivityStatus.PLANNED),
                        Caller.UNASSIGNED_CONSULTANT.metaData("org_other"))
                .expectException(RefusalMatchers.idTaken())
                .expectNoEvents();
        fixture.given(created(ActivityStatus.PLANNED))
                .when(new CreateActivityCommand(ID, ORG, ENGAGEMENT, withTitle("Other"), ActivityStatus.PLANNED))
                .expectException(RefusalMatchers.idTaken())
                .expectNoEvents();
    }


    @Test
    void canCreatePlannedActivity() {
        fixture.givenNoPriorActivity()
                .when(create(ActivityStatus.PLANNED))
                .expectEvents(new ActivityCreatedEvent(ID, ORG, ENGAGEMENT, DETAILS, ActivityStatus.PLANNED));
    }

    @Test
    void canCreateSuggestedActivity() {
        fixture.givenNoPriorActivity()
                .when(create(ActivityStatus.SUGGESTION))
                .expectEvents(new ActivityCreatedEvent(ID, ORG, ENGAGEMENT, DETAILS, ActivityStatus.SUGGESTION));
    }

    @ParameterizedTest(name = "cannotCreateActivityAs{0}")
    @CsvSource({"IN_PROGRESS", "DONE", "SKIPPED"})
    void cannotCreateActivityInLaterStatus(ActivityStatus status) {
        fixture.givenNoPriorActivity()
                .when(create(status))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void retriedCreateChangesNothing() {
        fixture.given(created(ActivityStatus.PLANNED))
                .when(create(ActivityStatus.PLANNED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotCreateDifferentActivityUnderTakenId() {
        ActivityDetails other = withTitle("Something else");
        fixture.given(created(ActivityStatus.PLANNED))
                .when(new CreateActivityCommand(ID, ORG, ENGAGEMENT, other, ActivityStatus.PLANNED))
                .expectException(DomainException.class)
                .expectException(refusal(RefusalCode.ALREADY_EXISTS, "id"))
                .expectNoEvents();
    }

    @Test
    void cannotCreateActivityWithoutTitle() {
        fixture.givenNoPriorActivity()
                .when(new CreateActivityCommand(ID, ORG, ENGAGEMENT, withTitle("  "), ActivityStatus.PLANNED))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "title"))
                .expectNoEvents();
    }

    @Test
    void cannotCreateActivityWithOversizedTitle() {
        fixture.givenNoPriorActivity()
                .when(new CreateActivityCommand(ID, ORG, ENGAGEMENT, withTitle("x".repeat(201)),
                        ActivityStatus.PLANNED))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "title"))
                .expectNoEvents();
    }

    @Test
    void cannotCreateActivityDueBeforeItIsScheduled() {
        ActivityDetails backwards = new ActivityDetails("T", null, null, null, null, TimeBucket.LATER,
                LocalDate.of(2026, 12, 10), LocalDate.of(2026, 12, 1), 0);
        fixture.givenNoPriorActivity()
                .when(new CreateActivityCommand(ID, ORG, ENGAGEMENT, backwards, ActivityStatus.PLANNED))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "dueDate"))
                .expectNoEvents();
    }

    @Test
    void cannotCreateActivityWithoutEngagement() {
        fixture.givenNoPriorActivity()
                .when(new CreateActivityCommand(ID, ORG, null, DETAILS, ActivityStatus.PLANNED))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "engagementId"))
                .expectNoEvents();
    }

    @Test
    void newActivityWithoutPhaseTakesTheEngagementsPhase() {
        ActivityDetails noPhase = new ActivityDetails("T", null, null, null, null, TimeBucket.LATER, null, null,
                null);
        ActivityDetails activatePhase = new ActivityDetails("T", null, null, null, PlaybookPhase.ACTIVATE,
                TimeBucket.LATER, null, null, null);
        fixture.givenNoPriorActivity()
                .when(new CreateActivityCommand(ID, ORG, ENGAGEMENT, noPhase, ActivityStatus.PLANNED))
                .expectEvents(new ActivityCreatedEvent(ID, ORG, ENGAGEMENT, activatePhase, ActivityStatus.PLANNED));
    }

    @Test
    void retriedCreateWithoutPhaseChangesNothing() {
        ActivityDetails noPhase = new ActivityDetails("T", null, null, null, null, TimeBucket.LATER, null, null,
                null);
        ActivityDetails activatePhase = new ActivityDetails("T", null, null, null, PlaybookPhase.ACTIVATE,
                TimeBucket.LATER, null, null, null);
        fixture.given(new ActivityCreatedEvent(ID, ORG, ENGAGEMENT, activatePhase, ActivityStatus.PLANNED))
                .when(new CreateActivityCommand(ID, ORG, ENGAGEMENT, noPhase, ActivityStatus.PLANNED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotCreateActivityInUnknownEngagement() {
        fixture.givenNoPriorActivity()
                .when(new CreateActivityCommand(ID, ORG, UUID.randomUUID(), DETAILS, ActivityStatus.PLANNED))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "engagementId"))
                .expectNoEvents();
    }

    @Test
    void cannotCreateActivityInAnotherTenantsEngagement() {
        fixture.givenNoPriorActivity()
                .when(new CreateActivityCommand(ID, "org_other", ENGAGEMENT, DETAILS, ActivityStatus.PLANNED))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "engagementId"));
    }

    @Test
    void cannotCreateActivityInClosedEngagement() {
        fixture.givenNoPriorActivity()
                .when(new CreateActivityCommand(ID, ORG, CLOSED_ENGAGEMENT, DETAILS, ActivityStatus.PLANNED))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, "engagementId"))
                .expectNoEvents();
    }

    @Test
    void canEditDetails() {
        ActivityDetails edited = withTitle("Executive interviews");
        fixture.given(created(ActivityStatus.PLANNED))
                .when(new EditActivityDetailsCommand(ID, ORG, null, edited))
                .expectEvents(new ActivityDetailsEditedEvent(ID, ORG, ENGAGEMENT, DETAILS, edited));
    }

    @Test
    void editWithoutChangesEmitsNothing() {
        fixture.given(created(ActivityStatus.PLANNED))
                .when(new EditActivityDetailsCommand(ID, ORG, null, DETAILS))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotEditAnotherTenantsActivity() {
        fixture.given(created(ActivityStatus.PLANNED))
                .when(new EditActivityDetailsCommand(ID, "org_other", null, withTitle("Mine now")))
                .expectException(refusal(RefusalCode.NOT_FOUND, null))
                .expectNoEvents();
    }

    @Test
    void cannotEditDismissedSuggestion() {
        fixture.given(created(ActivityStatus.SUGGESTION), dismissed())
                .when(new EditActivityDetailsCommand(ID, ORG, null, withTitle("Revived")))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, null))
                .expectNoEvents();
    }

    @Test
    void canAcceptSuggestion() {
        assertAllowed(ActivityStatus.SUGGESTION, ActivityStatus.PLANNED);
    }

    @Test
    void canStartPlannedActivity() {
        assertAllowed(ActivityStatus.PLANNED, ActivityStatus.IN_PROGRESS);
    }

    @Test
    void canReturnActivityInProgressToPlanned() {
        assertAllowed(ActivityStatus.IN_PROGRESS, ActivityStatus.PLANNED);
    }

    @Test
    void canSkipPlannedActivity() {
        assertAllowed(ActivityStatus.PLANNED, ActivityStatus.SKIPPED);
    }

    @Test
    void canSkipActivityInProgress() {
        assertAllowed(ActivityStatus.IN_PROGRESS, ActivityStatus.SKIPPED);
    }

    @Test
    void canReopenSkippedActivity() {
        assertAllowed(ActivityStatus.SKIPPED, ActivityStatus.PLANNED);
    }

    @Test
    void canReopenDoneActivityWhichClearsCompletion() {
        assertAllowed(ActivityStatus.DONE, ActivityStatus.PLANNED);
    }

    @Test
    void canCompletePlannedActivityRecordingWhoAndWhen() {
        Instant now = fixture.currentTime();
        fixture.given(created(ActivityStatus.PLANNED))
                .when(move(ActivityStatus.DONE))
                .expectEvents(new ActivityStatusChangedEvent(ID, ORG, ENGAGEMENT, ActivityStatus.PLANNED,
                        ActivityStatus.DONE, "moved", USER, now, null));
    }

    @Test
    void canCompleteActivityInProgress() {
        Instant now = fixture.currentTime();
        fixture.given(created(ActivityStatus.PLANNED), changed(ActivityStatus.PLANNED, ActivityStatus.IN_PROGRESS))
                .when(move(ActivityStatus.DONE))
                .expectEvents(new ActivityStatusChangedEvent(ID, ORG, ENGAGEMENT, ActivityStatus.IN_PROGRESS,
                        ActivityStatus.DONE, "moved", USER, now, null));
    }

    @ParameterizedTest(name = "cannotMove{0}ActivityTo{1}")
    @CsvSource({
            "SUGGESTION, SUGGESTION", "SUGGESTION, IN_PROGRESS", "SUGGESTION, DONE", "SUGGESTION, SKIPPED",
            "PLANNED, PLANNED", "PLANNED, SUGGESTION",
            "IN_PROGRESS, IN_PROGRESS", "IN_PROGRESS, SUGGESTION",
            "DONE, DONE", "DONE, IN_PROGRESS", "DONE, SKIPPED", "DONE, SUGGESTION",
            "SKIPPED, SKIPPED", "SKIPPED, IN_PROGRESS", "SKIPPED, DONE", "SKIPPED, SUGGESTION"})
    void cannotMakeRefusedMove(ActivityStatus from, ActivityStatus to) {
        fixture.given(historyReaching(from))
                .when(move(to))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, "status"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "cannotMoveDismissedSuggestionTo{0}")
    @CsvSource({"SUGGESTION", "PLANNED", "IN_PROGRESS", "DONE", "SKIPPED"})
    void cannotMoveDismissedSuggestion(ActivityStatus to) {
        fixture.given(created(ActivityStatus.SUGGESTION), dismissed())
                .when(move(to))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, "status"))
                .expectNoEvents();
    }

    @Test
    void cannotChangeStatusOfAnotherTenantsActivity() {
        fixture.given(created(ActivityStatus.PLANNED))
                .when(new ChangeActivityStatusCommand(ID, "org_other", null, ActivityStatus.DONE, null, USER, null))
                .expectException(refusal(RefusalCode.NOT_FOUND, null))
                .expectNoEvents();
    }

    @Test
    void canDismissSuggestion() {
        fixture.given(created(ActivityStatus.SUGGESTION))
                .when(new DismissActivitySuggestionCommand(ID, ORG, null, "not relevant"))
                .expectEvents(new ActivitySuggestionDismissedEvent(ID, ORG, ENGAGEMENT, "not relevant"));
    }

    @ParameterizedTest(name = "cannotDismiss{0}Activity")
    @CsvSource({"PLANNED", "IN_PROGRESS", "DONE", "SKIPPED"})
    void cannotDismissWhatIsNotASuggestion(ActivityStatus from) {
        fixture.given(historyReaching(from))
                .when(new DismissActivitySuggestionCommand(ID, ORG, null, null))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, "status"))
                .expectNoEvents();
    }

    @Test
    void cannotDismissSuggestionTwice() {
        fixture.given(created(ActivityStatus.SUGGESTION), dismissed())
                .when(new DismissActivitySuggestionCommand(ID, ORG, null, null))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, "status"))
                .expectNoEvents();
    }

    @Test
    void everyStatusHasAnAllowedWayOut() {
        for (ActivityLifecycle state : ActivityLifecycle.values()) {
            assertThat(state.allowedTargets().isEmpty()).as(state.name())
                    .isEqualTo(state == ActivityLifecycle.DISMISSED);
        }
    }

    @Test
    void canCompleteWithScoreData() {
        ScoreData score = new ScoreData("Solid working ground", List.of(
                new ScoreMetric("low hanging fruits", BigDecimal.valueOf(9)),
                new ScoreMetric("strong recommendations", BigDecimal.valueOf(3))));
        Instant now = fixture.currentTime();
        fixture.given(created(ActivityStatus.PLANNED))
                .when(new ChangeActivityStatusCommand(ID, ORG, null, ActivityStatus.DONE, null, "user_ada", score))
                .expectEvents(new ActivityStatusChangedEvent(ID, ORG, ENGAGEMENT, ActivityStatus.PLANNED,
                        ActivityStatus.DONE, null, "user_ada", now, score));
    }

    @Test
    void cannotRecordScoreWhenNotCompleting() {
        fixture.given(created(ActivityStatus.PLANNED))
                .when(new ChangeActivityStatusCommand(ID, ORG, null, ActivityStatus.IN_PROGRESS, null, "u",
                        new ScoreData("Early", List.of())))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "scoreData"));
    }

    @Test
    void cannotCompleteWithScoreWithoutLevel() {
        fixture.given(created(ActivityStatus.PLANNED))
                .when(complete(new ScoreData(" ", List.of())))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "scoreData.level"));
    }

    @Test
    void cannotCompleteWithDuplicateMetricLabels() {
        fixture.given(created(ActivityStatus.PLANNED))
                .when(complete(new ScoreData("L", List.of(new ScoreMetric("Wins", BigDecimal.ONE),
                        new ScoreMetric("wins", BigDecimal.TEN)))))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "scoreData.metrics[1].label"));
    }

    @Test
    void cannotCompleteWithAMetricOfMoreDecimalPlacesThanAllowedEvenIfItIsZero() {
        fixture.given(created(ActivityStatus.PLANNED))
                .when(complete(new ScoreData("L", List.of(new ScoreMetric("Wins", new BigDecimal("0E-5000"))))))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "scoreData.metrics[0].value"));
    }

    @Test
    void canCompleteWithAMetricOfFourDecimalPlaces() {
        fixture.given(created(ActivityStatus.PLANNED))
                .when(complete(new ScoreData("L", List.of(new ScoreMetric("Rate", new BigDecimal("-0.1250"))))))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void cannotCompleteWithMetricWithoutValue() {
        fixture.given(created(ActivityStatus.PLANNED))
                .when(complete(new ScoreData("L", List.of(new ScoreMetric("Wins", null)))))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "scoreData.metrics[0].value"));
    }

    @Test
    void cannotCompleteWithOutlandishMetricValue() {
        fixture.given(created(ActivityStatus.PLANNED))
                .when(complete(new ScoreData("L", List.of(new ScoreMetric("Wins", new BigDecimal("1e12"))))))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "scoreData.metrics[0].value"));
    }

    @Test
    void reopeningAndCompletingAgainRecordsANewScore() {
        ScoreData first = new ScoreData("First", List.of());
        ScoreData second = new ScoreData("Second", List.of());
        Instant now = fixture.currentTime();
        fixture.given(created(ActivityStatus.PLANNED),
                        new ActivityStatusChangedEvent(ID, ORG, ENGAGEMENT, ActivityStatus.PLANNED,
                                ActivityStatus.DONE, null, "u", now, first),
                        new ActivityStatusChangedEvent(ID, ORG, ENGAGEMENT, ActivityStatus.DONE,
                                ActivityStatus.PLANNED, null, null, null, null))
                .when(complete(second))
                .expectEvents(new ActivityStatusChangedEvent(ID, ORG, ENGAGEMENT, ActivityStatus.PLANNED,
                        ActivityStatus.DONE, null, "user_ada", now, second));
    }

    @Test
    void canMoveActivityToAnotherBucketAndPosition() {
        fixture.given(created(ActivityStatus.PLANNED))
                .when(new MoveActivityCommand(ID, ORG, null, TimeBucket.LATER, 2))
                .expectEvents(new ActivityMovedEvent(ID, ORG, ENGAGEMENT, TimeBucket.THIS_QUARTER, TimeBucket.LATER,
                        2));
    }

    @Test
    void aMoveIsRememberedAsTheActivitysBucket() {
        fixture.given(created(ActivityStatus.PLANNED), new ActivityMovedEvent(ID, ORG, ENGAGEMENT, TimeBucket.THIS_QUARTER,
                        TimeBucket.LATER, 0))
                .when(new MoveActivityCommand(ID, ORG, null, TimeBucket.NEXT_QUARTER, null))
                .expectEvents(new ActivityMovedEvent(ID, ORG, ENGAGEMENT, TimeBucket.LATER, TimeBucket.NEXT_QUARTER,
                        null));
    }

    @Test
    void cannotMoveWithoutBucket() {
        fixture.given(created(ActivityStatus.PLANNED))
                .when(new MoveActivityCommand(ID, ORG, null, null, 0))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "timeBucket"));
    }

    @Test
    void cannotMoveToNegativePosition() {
        fixture.given(created(ActivityStatus.PLANNED))
                .when(new MoveActivityCommand(ID, ORG, null, TimeBucket.LATER, -1))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "position"));
    }

    private void assertAllowed(ActivityStatus from, ActivityStatus to) {
        fixture.given(historyReaching(from))
                .when(move(to))
                .expectEvents(new ActivityStatusChangedEvent(ID, ORG, ENGAGEMENT, from, to, "moved", null, null,
                        null));
    }

    private static Object[] historyReaching(ActivityStatus status) {
        return switch (status) {
            case SUGGESTION, PLANNED -> new Object[] {created(status)};
            default -> new Object[] {created(ActivityStatus.PLANNED), changed(ActivityStatus.PLANNED, status)};
        };
    }

    private static CreateActivityCommand create(ActivityStatus status) {
        return new CreateActivityCommand(ID, ORG, ENGAGEMENT, DETAILS, status);
    }

    private static ChangeActivityStatusCommand move(ActivityStatus to) {
        return new ChangeActivityStatusCommand(ID, ORG, null, to, "moved", USER, null);
    }

    private static ChangeActivityStatusCommand complete(ScoreData score) {
        return new ChangeActivityStatusCommand(ID, ORG, null, ActivityStatus.DONE, null, "user_ada", score);
    }

    private static ActivityCreatedEvent created(ActivityStatus status) {
        return new ActivityCreatedEvent(ID, ORG, ENGAGEMENT, DETAILS, status);
    }

    private static ActivityStatusChangedEvent changed(ActivityStatus from, ActivityStatus to) {
        boolean done = to == ActivityStatus.DONE;
        return new ActivityStatusChangedEvent(ID, ORG, ENGAGEMENT, from, to, null, done ? USER : null,
                done ? Instant.parse("2026-11-01T10:00:00Z") : null, null);
    }

    private static ActivitySuggestionDismissedEvent dismissed() {
        return new ActivitySuggestionDismissedEvent(ID, ORG, ENGAGEMENT, null);
    }

    private static ActivityDetails withTitle(String title) {
        return new ActivityDetails(title, DETAILS.description(), DETAILS.icon(), DETAILS.iconColor(),
                DETAILS.phase(), DETAILS.timeBucket(), DETAILS.scheduledDate(), DETAILS.dueDate(),
                DETAILS.orderIndex());
    }

    private static Matcher<DomainException> refusal(RefusalCode code, String field) {
        return RefusalMatchers.refusal(code, field);
    }
}
