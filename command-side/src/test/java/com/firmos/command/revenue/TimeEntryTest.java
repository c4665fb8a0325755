package com.firmos.command.revenue;

import static com.firmos.command.RefusalMatchers.refusal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.firmos.api.messages.RefusalCode;
import com.firmos.api.messages.activity.PlaybookPhase;
import com.firmos.api.messages.revenue.CorrectTimeEntryCommand;
import com.firmos.api.messages.revenue.DeleteTimeEntryCommand;
import com.firmos.api.messages.revenue.LogTimeEntryCommand;
import com.firmos.api.messages.revenue.TimeEntryBilledEvent;
import com.firmos.api.messages.revenue.TimeEntryCorrectedEvent;
import com.firmos.api.messages.revenue.TimeEntryDeletedEvent;
import com.firmos.api.messages.revenue.TimeEntryDetails;
import com.firmos.api.messages.revenue.TimeEntryLoggedEvent;
import com.firmos.command.Caller;
import com.firmos.command.DomainException;
import com.firmos.command.KnownClients;
import com.firmos.command.KnownEngagements;
import com.firmos.command.project.ProjectFacts;
import com.firmos.command.project.ProjectLookup;

class TimeEntryTest {

    private static final String ORG = "org_acme";
    private static final UUID ID = UUID.fromString("7e000000-0000-4000-8000-000000000001");
    private static final UUID ENGAGEMENT = UUID.fromString("11111111-2222-4333-8444-555555555555");
    private static final UUID OTHER_ENGAGEMENT = UUID.fromString("11111111-2222-4333-8444-666666666666");
    private static final UUID CLOSED_ENGAGEMENT = UUID.fromString("11111111-2222-4333-8444-777777777777");
    private static final UUID PROJECT = UUID.fromString("90000000-0000-4000-8000-000000000001");
    private static final UUID OTHER_PROJECT = UUID.fromString("90000000-0000-4000-8000-000000000002");
    private static final UUID INVOICE = UUID.fromString("1a000000-0000-4000-8000-000000000001");

    private AggregateTestFixture<TimeEntry> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TimeEntry.class);
        fixture.registerInjectableResource(KnownClients.assignedToEngagement(ORG, ENGAGEMENT));
        fixture.registerInjectableResource(new KnownEngagements().open(ENGAGEMENT, ORG, PlaybookPhase.ALIGN)
                .open(OTHER_ENGAGEMENT, ORG, PlaybookPhase.ALIGN).closed(CLOSED_ENGAGEMENT, ORG));
        fixture.registerInjectableResource((ProjectLookup) (projectId, organizationId) -> {
            if (!ORG.equals(organizationId)) {
                throw DomainException.invalid("projectId", "projectId names no project of your organization");
            }
            return new ProjectFacts(projectId, PROJECT.equals(projectId) ? ENGAGEMENT : OTHER_ENGAGEMENT);
        });
    }

    @ParameterizedTest
    @EnumSource(Caller.class)
    void onlyCallersWithWriteAccessToTheEngagementsClientLogTime(Caller caller) {
        caller.expect(fixture.givenNoPriorActivity()
                .when(new LogTimeEntryCommand(ID, ORG, ENGAGEMENT, hours("7.5")), caller.metaData(ORG)),
                new TimeEntryLoggedEvent(ID, ORG, ENGAGEMENT, hours("7.5")));
    }

    @ParameterizedTest
    @EnumSource(Caller.class)
    void onlyCallersWithWriteAccessToTheEngagementsClientDeleteTime(Caller caller) {
        caller.expect(fixture.given(new TimeEntryLoggedEvent(ID, ORG, ENGAGEMENT, hours("7.5")))
                .when(new DeleteTimeEntryCommand(ID, ORG), caller.metaData(ORG)),
                new TimeEntryDeletedEvent(ID, ORG, ENGAGEMENT));
    }


    @Test
    void canLogHoursOnAProjectOfAnOpenEngagement() {
        fixture.givenNoPriorActivity()
                .when(new LogTimeEntryCommand(ID, ORG, ENGAGEMENT, hours("7.5")))
                .expectEvents(new TimeEntryLoggedEvent(ID, ORG, ENGAGEMENT, hours("7.5")));
    }

    @Test
    void loggingTheSameEntryAgainChangesNothing() {
        fixture.given(new TimeEntryLoggedEvent(ID, ORG, ENGAGEMENT, hours("7.5")))
                .when(new LogTimeEntryCommand(ID, ORG, ENGAGEMENT, hours("7.5")))
                .expectNoEvents();
    }

    @Test
    void cannotReuseAnIdForOtherHours() {
        fixture.given(new TimeEntryLoggedEvent(ID, ORG, ENGAGEMENT, hours("7.5")))
                .when(new LogTimeEntryCommand(ID, ORG, ENGAGEMENT, hours("3")))
                .expectException(refusal(RefusalCode.ALREADY_EXISTS, "id"));
    }

    @Test
    void cannotLogMoreThanADayOrNothing() {
        fixture.givenNoPriorActivity()
                .when(new LogTimeEntryCommand(ID, ORG, ENGAGEMENT, hours("24.25")))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "hours"));
        fixture.givenNoPriorActivity()
                .when(new LogTimeEntryCommand(ID, ORG, ENGAGEMENT, hours("0")))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "hours"));
    }

    @Test
    void cannotLogThousandthsOfAnHour() {
        fixture.givenNoPriorActivity()
                .when(new LogTimeEntryCommand(ID, ORG, ENGAGEMENT, hours("1.125")))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "hours"));
    }

    @Test
    void cannotLogOnAProjectOfAnotherEngagement() {
        fixture.givenNoPriorActivity()
                .when(new LogTimeEntryCommand(ID, ORG, ENGAGEMENT, new TimeEntryDetails("u_ana", OTHER_PROJECT, null,
                        BigDecimal.ONE, LocalDate.of(2026, 11, 2), true, null)))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "projectId"));
    }

    @Test
    void cannotLogOnAClosedEngagement() {
        fixture.givenNoPriorActivity()
                .when(new LogTimeEntryCommand(ID, ORG, CLOSED_ENGAGEMENT, hours("2")))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, "engagementId"));
    }

    @Test
    void canCorrectAnUnbilledEntry() {
        fixture.given(new TimeEntryLoggedEvent(ID, ORG, ENGAGEMENT, hours("7.5")))
                .when(new CorrectTimeEntryCommand(ID, ORG, hours("6")))
                .expectEvents(new TimeEntryCorrectedEvent(ID, ORG, ENGAGEMENT, hours("6")));
    }

    @Test
    void cannotCorrectABilledEntry() {
        fixture.given(new TimeEntryLoggedEvent(ID, ORG, ENGAGEMENT, hours("7.5")),
                        new TimeEntryBilledEvent(ID, ORG, ENGAGEMENT, INVOICE))
                .when(new CorrectTimeEntryCommand(ID, ORG, hours("6")))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, "timeEntryIds"));
    }

    @Test
    void canDeleteAnUnbilledEntry() {
        fixture.given(new TimeEntryLoggedEvent(ID, ORG, ENGAGEMENT, hours("7.5")))
                .when(new DeleteTimeEntryCommand(ID, ORG))
                .expectEvents(new TimeEntryDeletedEvent(ID, ORG, ENGAGEMENT));
    }

    @Test
    void cannotDeleteABilledEntry() {
        fixture.given(new TimeEntryLoggedEvent(ID, ORG, ENGAGEMENT, hours("7.5")),
                        new TimeEntryBilledEvent(ID, ORG, ENGAGEMENT, INVOICE))
                .when(new DeleteTimeEntryCommand(ID, ORG))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, "timeEntryIds"));
    }

    @Test
    void aDeletedEntryIsGone() {
        fixture.given(new TimeEntryLoggedEvent(ID, ORG, ENGAGEMENT, hours("7.5")),
                        new TimeEntryDeletedEvent(ID, ORG, ENGAGEMENT))
                .when(new CorrectTimeEntryCommand(ID, ORG, hours("6")))
                .expectException(refusal(RefusalCode.NOT_FOUND, null));
    }

    @Test
    void anotherTenantCannotSeeTheEntry() {
        fixture.given(new TimeEntryLoggedEvent(ID, ORG, ENGAGEMENT, hours("7.5")))
                .when(new DeleteTimeEntryCommand(ID, "org_other"))
                .expectException(refusal(RefusalCode.NOT_FOUND, null));
    }

    private static TimeEntryDetails hours(String hours) {
        return new TimeEntryDetails("u_ana", PROJECT, null, new BigDecimal(hours), LocalDate.of(2026, 11, 2), true,
                "Workshop prep");
    }
}
