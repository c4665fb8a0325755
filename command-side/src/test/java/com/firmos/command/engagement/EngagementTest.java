package com.firmos.command.engagement;

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
import com.firmos.api.messages.engagement.ChangeEngagementPhaseCommand;
import com.firmos.api.messages.engagement.CloseEngagementCommand;
import com.firmos.api.messages.engagement.CloseOutcome;
import com.firmos.api.messages.engagement.EngagementClosedEvent;
import com.firmos.api.messages.engagement.EngagementFundedEvent;
import com.firmos.api.messages.engagement.EngagementOpenedEvent;
import com.firmos.api.messages.engagement.EngagementPausedEvent;
import com.firmos.api.messages.engagement.EngagementPhaseChangedEvent;
import com.firmos.api.messages.engagement.EngagementRenamedEvent;
import com.firmos.api.messages.engagement.EngagementResumedEvent;
import com.firmos.api.messages.engagement.EngagementStatus;
import com.firmos.api.messages.engagement.OpenEngagementCommand;
import com.firmos.api.messages.engagement.PauseEngagementCommand;
import com.firmos.api.messages.engagement.RecordEngagementFundingCommand;
import com.firmos.api.messages.engagement.RenameEngagementCommand;
import com.firmos.api.messages.engagement.ResumeEngagementCommand;
import com.firmos.command.Caller;
import com.firmos.command.KnownClients;
import com.firmos.command.RefusalMatchers;

class EngagementTest {

    private static final String ORG = "org_acme";
    private static final UUID ID = UUID.fromString("11111111-2222-4333-8444-555555555555");
    private static final UUID CLIENT = UUID.fromString("c1000000-0000-4000-8000-000000000001");
    private static final UUID ORDER = UUID.fromString("0d000000-0000-4000-8000-000000000001");
    private static final EngagementOpenedEvent OPENED = new EngagementOpenedEvent(ID, ORG, CLIENT, "Northwind",
            PlaybookPhase.ALIGN, null, null, null, null);

    private AggregateTestFixture<Engagement> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Engagement.class);
        fixture.registerInjectableResource(KnownClients.assignedToClient(ORG, CLIENT));
    }

    @ParameterizedTest
    @EnumSource(Caller.class)
    void onlyCallersWithWriteAccessToTheClientOpenEngagements(Caller caller) {
        caller.expect(fixture.givenNoPriorActivity()
                .when(new OpenEngagementCommand(ID, ORG, CLIENT, "Northwind", null, null, null, null, null),
                        caller.metaData(ORG)), OPENED);
    }

    @ParameterizedTest
    @EnumSource(Caller.class)
    void onlyCallersWithWriteAccessToTheClientRenameEngagements(Caller caller) {
        caller.expect(fixture.given(OPENED)
                .when(new RenameEngagementCommand(ID, ORG, null, "Northwind 2027"), caller.metaData(ORG)),
                new EngagementRenamedEvent(ID, ORG, "Northwind", "Northwind 2027"));
    }

    @Test
    void anIdTakenInAnotherTenantIsRefusedLikeAnIdTakenWithOtherContent() {
        fixture.given(OPENED)
                .when(new OpenEngagementCommand(ID, "org_other", CLIENT, "Northwind", null, null, null, null, null))
                .expectException(RefusalMatchers.idTaken());
        fixture.given(OPENED)
                .when(new OpenEngagementCommand(ID, ORG, UUID.randomUUID(), "Northwind", null, null, null, null, null))
                .expectException(RefusalMatchers.idTaken());
    }


    @Test
    void canOpenEngagementForAClientInTheAlignPhase() {
        fixture.givenNoPriorActivity()
                .when(new OpenEngagementCommand(ID, ORG, CLIENT, "Northwind", null, null, null, null, null))
                .expectEvents(OPENED);
    }

    @Test
    void retriedOpenChangesNothing() {
        fixture.given(OPENED)
                .when(new OpenEngagementCommand(ID, ORG, CLIENT, "Northwind", null, null, null, null, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotOpenWithoutClient() {
        fixture.givenNoPriorActivity()
                .when(new OpenEngagementCommand(ID, ORG, null, null, null, null, null, null, null))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "clientId"));
    }

    @Test
    void canRename() {
        fixture.given(OPENED)
                .when(new RenameEngagementCommand(ID, ORG, null, "Northwind 2027"))
                .expectEvents(new EngagementRenamedEvent(ID, ORG, "Northwind", "Northwind 2027"));
    }

    @Test
    void canPauseActiveEngagement() {
        fixture.given(OPENED)
                .when(new PauseEngagementCommand(ID, ORG, null))
                .expectEvents(new EngagementPausedEvent(ID, ORG));
    }

    @Test
    void cannotPausePausedEngagement() {
        fixture.given(OPENED, new EngagementPausedEvent(ID, ORG))
                .when(new PauseEngagementCommand(ID, ORG, null))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, "status"));
    }

    @Test
    void canResumePausedEngagement() {
        fixture.given(OPENED, new EngagementPausedEvent(ID, ORG))
                .when(new ResumeEngagementCommand(ID, ORG, null))
                .expectEvents(new EngagementResumedEvent(ID, ORG));
    }

    @Test
    void cannotResumeActiveEngagement() {
        fixture.given(OPENED)
                .when(new ResumeEngagementCommand(ID, ORG, null))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, "status"));
    }

    @ParameterizedTest(name = "canClose{0}EngagementAs{1}")
    @CsvSource({"ACTIVE, COMPLETED", "ACTIVE, CANCELLED", "PAUSED, COMPLETED", "PAUSED, CANCELLED"})
    void canCloseRecordingOutcomeAndTime(EngagementStatus from, CloseOutcome outcome) {
        Instant now = fixture.currentTime();
        Object[] history = from == EngagementStatus.PAUSED
                ? new Object[] {OPENED, new EngagementPausedEvent(ID, ORG)}
                : new Object[] {OPENED};
        fixture.given(history)
                .when(new CloseEngagementCommand(ID, ORG, null, outcome))
                .expectEvents(new EngagementClosedEvent(ID, ORG, from, outcome, now));
    }

    @Test
    void cannotCloseWithoutOutcome() {
        fixture.given(OPENED)
                .when(new CloseEngagementCommand(ID, ORG, null, null))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "outcome"));
    }

    static Object[] closedChanges() {
        return new Object[] {
                new RenameEngagementCommand(ID, ORG, null, "x"),
                new PauseEngagementCommand(ID, ORG, null),
                new ResumeEngagementCommand(ID, ORG, null),
                new CloseEngagementCommand(ID, ORG, null, CloseOutcome.CANCELLED),
                new ChangeEngagementPhaseCommand(ID, ORG, null, PlaybookPhase.ACTIVATE, null),
                new RecordEngagementFundingCommand(ID, ORG, ORDER)};
    }

    @ParameterizedTest(name = "closedEngagementRefuses {0}")
    @org.junit.jupiter.params.provider.MethodSource("closedChanges")
    void closedEngagementRefusesChanges(Object command) {
        fixture.given(OPENED, closed())
                .when(command)
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, null))
                .expectNoEvents();
    }

    @Test
    void canAdvancePhaseOneStep() {
        fixture.given(OPENED)
                .when(new ChangeEngagementPhaseCommand(ID, ORG, null, PlaybookPhase.ACTIVATE, null))
                .expectEvents(new EngagementPhaseChangedEvent(ID, ORG, PlaybookPhase.ALIGN, PlaybookPhase.ACTIVATE,
                        null));
    }

    @Test
    void cannotSkipAPhase() {
        fixture.given(OPENED)
                .when(new ChangeEngagementPhaseCommand(ID, ORG, null, PlaybookPhase.ADOPT, null))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, "phase"));
    }

    @Test
    void cannotMoveToTheCurrentPhase() {
        fixture.given(OPENED)
                .when(new ChangeEngagementPhaseCommand(ID, ORG, null, PlaybookPhase.ALIGN, null))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, "phase"));
    }

    @Test
    void canGoBackAPhaseWithAReason() {
        fixture.given(OPENED, phase(PlaybookPhase.ALIGN, PlaybookPhase.ACTIVATE),
                        phase(PlaybookPhase.ACTIVATE, PlaybookPhase.ADOPT))
                .when(new ChangeEngagementPhaseCommand(ID, ORG, null, PlaybookPhase.ALIGN, "strategy changed"))
                .expectEvents(new EngagementPhaseChangedEvent(ID, ORG, PlaybookPhase.ADOPT, PlaybookPhase.ALIGN,
                        "strategy changed"));
    }

    @Test
    void cannotGoBackWithoutAReason() {
        fixture.given(OPENED, phase(PlaybookPhase.ALIGN, PlaybookPhase.ACTIVATE))
                .when(new ChangeEngagementPhaseCommand(ID, ORG, null, PlaybookPhase.ALIGN, " "))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "reason"));
    }

    @Test
    void canRecordFundingByAnOrder() {
        fixture.given(OPENED)
                .when(new RecordEngagementFundingCommand(ID, ORG, ORDER))
                .expectEvents(new EngagementFundedEvent(ID, ORG, ORDER));
    }

    @Test
    void recordingTheSameFundingAgainChangesNothing() {
        fixture.given(OPENED, new EngagementFundedEvent(ID, ORG, ORDER))
                .when(new RecordEngagementFundingCommand(ID, ORG, ORDER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void severalOrdersCanFundOneEngagement() {
        UUID second = UUID.randomUUID();
        fixture.given(OPENED, new EngagementFundedEvent(ID, ORG, ORDER))
                .when(new RecordEngagementFundingCommand(ID, ORG, second))
                .expectEvents(new EngagementFundedEvent(ID, ORG, second));
    }

    @ParameterizedTest(name = "anotherTenantCannotChange {0}")
    @EnumSource(value = PlaybookPhase.class, names = "ACTIVATE")
    void anotherTenantFindsNoEngagement(PlaybookPhase target) {
        fixture.given(OPENED)
                .when(new ChangeEngagementPhaseCommand(ID, "org_other", null, target, null))
                .expectException(refusal(RefusalCode.NOT_FOUND, null));
    }

    private static EngagementClosedEvent closed() {
        return new EngagementClosedEvent(ID, ORG, EngagementStatus.ACTIVE, CloseOutcome.COMPLETED,
                Instant.parse("2026-11-01T00:00:00Z"));
    }

    private static EngagementPhaseChangedEvent phase(PlaybookPhase from, PlaybookPhase to) {
        return new EngagementPhaseChangedEvent(ID, ORG, from, to, null);
    }
}
