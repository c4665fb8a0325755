package com.firmos.command.activity;

import static com.firmos.command.RefusalMatchers.refusal;

import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import com.firmos.api.messages.RefusalCode;
import com.firmos.api.messages.activity.ChangeWinningMoveStatusCommand;
import com.firmos.api.messages.activity.CreateWinningMoveCommand;
import com.firmos.api.messages.activity.EditWinningMoveCommand;
import com.firmos.api.messages.activity.PlaybookPhase;
import com.firmos.api.messages.activity.WinningMoveCreatedEvent;
import com.firmos.api.messages.activity.WinningMoveEditedEvent;
import com.firmos.api.messages.activity.WinningMoveStatus;
import com.firmos.api.messages.activity.WinningMoveStatusChangedEvent;
import com.firmos.command.Caller;
import com.firmos.command.KnownClients;
import com.firmos.command.KnownEngagements;

class WinningMoveTest {

    private static final String ORG = "org_acme";
    private static final UUID ID = UUID.fromString("22222222-3333-4444-8555-666666666666");
    private static final UUID ENGAGEMENT = UUID.fromString("11111111-2222-4333-8444-555555555555");
    private static final UUID CLOSED_ENGAGEMENT = UUID.fromString("33333333-2222-4333-8444-555555555555");
    private static final UUID SOURCE = UUID.fromString("7d1c1b2e-3f4a-4b5c-8d9e-0a1b2c3d4e5f");
    private static final WinningMoveCreatedEvent CREATED = new WinningMoveCreatedEvent(ID, ORG, ENGAGEMENT,
            "Own the onboarding", "From day one", PlaybookPhase.ALIGN, SOURCE);

    private AggregateTestFixture<WinningMove> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(WinningMove.class);
        fixture.registerInjectableResource(KnownClients.assignedToEngagement(ORG, ENGAGEMENT));
        fixture.registerInjectableResource(new KnownEngagements()
                .open(ENGAGEMENT, ORG, PlaybookPhase.ACTIVATE)
                .closed(CLOSED_ENGAGEMENT, ORG));
    }

    @ParameterizedTest
    @EnumSource(Caller.class)
    void onlyCallersWithWriteAccessToTheEngagementsClientCreateWinningMoves(Caller caller) {
        caller.expect(fixture.givenNoPriorActivity()
                .when(new CreateWinningMoveCommand(ID, ORG, ENGAGEMENT, "Own the onboarding", "From day one", null,
                        SOURCE), caller.metaData(ORG)), CREATED);
    }

    @ParameterizedTest
    @EnumSource(Caller.class)
    void onlyCallersWithWriteAccessToTheEngagementsClientEditWinningMoves(Caller caller) {
        caller.expect(fixture.given(CREATED)
                .when(new EditWinningMoveCommand(ID, ORG, null, "Own onboarding end to end", "From day one"),
                        caller.metaData(ORG)),
                new WinningMoveEditedEvent(ID, ORG, ENGAGEMENT, "Own the onboarding", "Own onboarding end to end",
                        "From day one", "From day one"));
    }


    @Test
    void canCreateWinningMoveFromAnAlignActivity() {
        fixture.givenNoPriorActivity()
                .when(new CreateWinningMoveCommand(ID, ORG, ENGAGEMENT, "Own the onboarding", "From day one", null,
                        SOURCE))
                .expectEvents(CREATED);
    }

    @Test
    void retriedCreateChangesNothing() {
        fixture.given(CREATED)
                .when(new CreateWinningMoveCommand(ID, ORG, ENGAGEMENT, "Own the onboarding", "From day one", null,
                        SOURCE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotCreateDifferentMoveUnderTakenId() {
        fixture.given(CREATED)
                .when(new CreateWinningMoveCommand(ID, ORG, ENGAGEMENT, "Another", null, null, null))
                .expectException(refusal(RefusalCode.ALREADY_EXISTS, "id"));
    }

    @Test
    void cannotCreateWithoutTitle() {
        fixture.givenNoPriorActivity()
                .when(new CreateWinningMoveCommand(ID, ORG, ENGAGEMENT, "", null, null, null))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "title"))
                .expectNoEvents();
    }

    @Test
    void cannotCreateWithoutEngagement() {
        fixture.givenNoPriorActivity()
                .when(new CreateWinningMoveCommand(ID, ORG, null, "T", null, null, null))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "engagementId"));
    }

    @Test
    void cannotCreateInClosedEngagement() {
        fixture.givenNoPriorActivity()
                .when(new CreateWinningMoveCommand(ID, ORG, CLOSED_ENGAGEMENT, "T", null, null, null))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, "engagementId"));
    }

    @Test
    void canEditRecordingOldAndNewValues() {
        fixture.given(CREATED)
                .when(new EditWinningMoveCommand(ID, ORG, null, "Own onboarding end to end", "From day one"))
                .expectEvents(new WinningMoveEditedEvent(ID, ORG, ENGAGEMENT, "Own the onboarding",
                        "Own onboarding end to end", "From day one", "From day one"));
    }

    @Test
    void editWithoutChangesEmitsNothing() {
        fixture.given(CREATED)
                .when(new EditWinningMoveCommand(ID, ORG, null, "Own the onboarding", "From day one"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotEditArchivedMove() {
        fixture.given(CREATED, changed(WinningMoveStatus.ACTIVE, WinningMoveStatus.ARCHIVED))
                .when(new EditWinningMoveCommand(ID, ORG, null, "Revived", null))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, null));
    }

    @Test
    void cannotEditAnotherTenantsMove() {
        fixture.given(CREATED)
                .when(new EditWinningMoveCommand(ID, "org_other", null, "Mine", null))
                .expectException(refusal(RefusalCode.NOT_FOUND, null));
    }

    @ParameterizedTest(name = "can{1}A{0}Move")
    @CsvSource({"ACTIVE, ACHIEVED", "ACTIVE, ARCHIVED", "ACHIEVED, ARCHIVED", "ACHIEVED, ACTIVE",
            "ARCHIVED, ACTIVE"})
    void canMakeAllowedStatusChange(WinningMoveStatus from, WinningMoveStatus to) {
        fixture.given(historyReaching(from))
                .when(new ChangeWinningMoveStatusCommand(ID, ORG, null, to))
                .expectEvents(changed(from, to));
    }

    @ParameterizedTest(name = "cannotMove{0}WinningMoveTo{1}")
    @CsvSource({"ACTIVE, ACTIVE", "ACHIEVED, ACHIEVED", "ARCHIVED, ARCHIVED", "ARCHIVED, ACHIEVED"})
    void cannotMakeRefusedStatusChange(WinningMoveStatus from, WinningMoveStatus to) {
        fixture.given(historyReaching(from))
                .when(new ChangeWinningMoveStatusCommand(ID, ORG, null, to))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, "status"))
                .expectNoEvents();
    }

    private static Object[] historyReaching(WinningMoveStatus status) {
        return status == WinningMoveStatus.ACTIVE
                ? new Object[] {CREATED}
                : new Object[] {CREATED, changed(WinningMoveStatus.ACTIVE, status)};
    }

    private static WinningMoveStatusChangedEvent changed(WinningMoveStatus from, WinningMoveStatus to) {
        return new WinningMoveStatusChangedEvent(ID, ORG, ENGAGEMENT, from, to);
    }
}
