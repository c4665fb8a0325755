package com.firmos.command.revenue;

import static com.firmos.command.RefusalMatchers.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.firmos.api.messages.RefusalCode;
import com.firmos.api.messages.activity.PlaybookPhase;
import com.firmos.api.messages.revenue.CreateInvoiceScheduleCommand;
import com.firmos.api.messages.revenue.EndInvoiceScheduleCommand;
import com.firmos.api.messages.revenue.InvoiceCadence;
import com.firmos.api.messages.revenue.InvoiceDraft;
import com.firmos.api.messages.revenue.InvoiceScheduleCreatedEvent;
import com.firmos.api.messages.revenue.InvoiceScheduleEndedEvent;
import com.firmos.api.messages.revenue.InvoiceScheduleTerms;
import com.firmos.api.messages.revenue.LineItem;
import com.firmos.api.messages.revenue.ScheduledInvoiceDueEvent;
import com.firmos.command.Caller;
import com.firmos.command.KnownClients;
import com.firmos.command.KnownEngagements;

class InvoiceScheduleTest {

    private static final String ORG = "org_acme";
    private static final UUID ID = UUID.fromString("5c000000-0000-4000-8000-000000000001");
    private static final UUID CLIENT = UUID.fromString("c1000000-0000-4000-8000-000000000001");
    private static final UUID ENGAGEMENT = UUID.fromString("11111111-2222-4333-8444-555555555555");
    private static final List<LineItem> LINES = List.of(new LineItem("Retainer", BigDecimal.ONE,
            new BigDecimal("5000.00"), new BigDecimal("5000.00")));

    private AggregateTestFixture<InvoiceSchedule> fixture;
    private LocalDate today;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(InvoiceSchedule.class);
        fixture.registerInjectableResource(KnownClients.assignedToClient(ORG, CLIENT));
        fixture.registerInjectableResource(new KnownEngagements().open(ENGAGEMENT, ORG, PlaybookPhase.ALIGN, CLIENT));
        today = LocalDate.ofInstant(fixture.currentTime(), ZoneOffset.UTC);
    }

    @ParameterizedTest
    @EnumSource(Caller.class)
    void onlyCallersWithWriteAccessToTheClientCreateSchedules(Caller caller) {
        LocalDate start = today.withDayOfMonth(20).plusMonths(1);
        caller.expect(fixture.givenNoPriorActivity()
                .when(new CreateInvoiceScheduleCommand(ID, ORG, terms(InvoiceCadence.MONTHLY, 5, start, null)),
                        caller.metaData(ORG)),
                new InvoiceScheduleCreatedEvent(ID, ORG, terms(InvoiceCadence.MONTHLY, 5, start, null),
                        start.plusMonths(1).withDayOfMonth(5)));
    }

    @ParameterizedTest
    @EnumSource(Caller.class)
    void onlyCallersWithWriteAccessToTheClientEndSchedules(Caller caller) {
        LocalDate start = today.withDayOfMonth(1).plusMonths(1);
        caller.expect(fixture.givenCommands(new CreateInvoiceScheduleCommand(ID, ORG, terms(InvoiceCadence.MONTHLY, 1,
                        start, null)))
                .when(new EndInvoiceScheduleCommand(ID, ORG), caller.metaData(ORG)),
                new InvoiceScheduleEndedEvent(ID, ORG));
    }


    @Test
    void theFirstDraftingDateIsTheFirstDayOfMonthOnOrAfterTheStart() {
        LocalDate start = today.withDayOfMonth(20).plusMonths(1);

        fixture.givenNoPriorActivity()
                .when(new CreateInvoiceScheduleCommand(ID, ORG, terms(InvoiceCadence.MONTHLY, 5, start, null)))
                .expectEvents(new InvoiceScheduleCreatedEvent(ID, ORG, terms(InvoiceCadence.MONTHLY, 5, start, null),
                        start.plusMonths(1).withDayOfMonth(5)))
                .expectScheduledDeadlineWithName(Duration.between(fixture.currentTime(),
                        start.plusMonths(1).withDayOfMonth(5).atStartOfDay(ZoneOffset.UTC).toInstant()),
                        InvoiceSchedule.DRAFT_DEADLINE);
    }

    @Test
    void aGapOfThreePeriodsDraftsExactlyThreeInvoices() {
        LocalDate start = today.withDayOfMonth(1).minusMonths(2);

        fixture.givenCommands(new CreateInvoiceScheduleCommand(ID, ORG, terms(InvoiceCadence.MONTHLY, 1, start,
                        null)))
                .whenTimeElapses(Duration.ofMinutes(1))
                .expectTriggeredDeadlinesWithName(InvoiceSchedule.DRAFT_DEADLINE)
                .expectEvents(due(start, start.plusMonths(1)), due(start.plusMonths(1), start.plusMonths(2)),
                        due(start.plusMonths(2), start.plusMonths(3)))
                .expectScheduledDeadlineWithName(Duration.between(fixture.currentTime(),
                        start.plusMonths(3).atStartOfDay(ZoneOffset.UTC).toInstant()), InvoiceSchedule.DRAFT_DEADLINE);
    }

    @Test
    void aQuarterlyScheduleDraftsEveryThreeMonthsUntilItsEnd() {
        LocalDate start = today.withDayOfMonth(1).minusMonths(7);

        fixture.givenCommands(new CreateInvoiceScheduleCommand(ID, ORG, terms(InvoiceCadence.QUARTERLY, 1, start,
                        start.plusMonths(4))))
                .whenTimeElapses(Duration.ofMinutes(1))
                .expectEvents(due(start, start.plusMonths(3)), due(start.plusMonths(3), null))
                .expectNoScheduledDeadlines();
    }

    @Test
    void eachPeriodHasItsOwnFixedInvoiceId() {
        LocalDate start = today.withDayOfMonth(1).minusMonths(1);

        assertThat(due(start, start.plusMonths(1)).invoiceId())
                .isNotEqualTo(due(start.plusMonths(1), start.plusMonths(2)).invoiceId())
                .isEqualTo(due(start, start.plusMonths(1)).invoiceId());
    }

    @Test
    void anEndedScheduleDraftsNothingMore() {
        LocalDate start = today.withDayOfMonth(1).plusMonths(1);

        fixture.givenCommands(new CreateInvoiceScheduleCommand(ID, ORG, terms(InvoiceCadence.MONTHLY, 1, start,
                        null)))
                .when(new EndInvoiceScheduleCommand(ID, ORG))
                .expectEvents(new InvoiceScheduleEndedEvent(ID, ORG))
                .expectNoScheduledDeadlines();
    }

    @Test
    void cannotDraftOnADayMissingFromSomeMonths() {
        fixture.givenNoPriorActivity()
                .when(new CreateInvoiceScheduleCommand(ID, ORG, terms(InvoiceCadence.MONTHLY, 31, today, null)))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "dayOfMonth"));
    }

    @Test
    void cannotEndBeforeTheFirstDraftingDate() {
        LocalDate start = today.withDayOfMonth(20);

        fixture.givenNoPriorActivity()
                .when(new CreateInvoiceScheduleCommand(ID, ORG, terms(InvoiceCadence.MONTHLY, 5, start,
                        start.plusDays(3))))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "endOn"));
    }

    @Test
    void cannotScheduleWithoutLines() {
        fixture.givenNoPriorActivity()
                .when(new CreateInvoiceScheduleCommand(ID, ORG, new InvoiceScheduleTerms(CLIENT, ENGAGEMENT,
                        List.of(), InvoiceCadence.MONTHLY, 1, today, null, 30, null, null)))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "lines"));
    }

    private static InvoiceScheduleTerms terms(InvoiceCadence cadence, int day, LocalDate start, LocalDate end) {
        return new InvoiceScheduleTerms(CLIENT, ENGAGEMENT, LINES, cadence, day, start, end, 30, null, "Monthly");
    }

    private static ScheduledInvoiceDueEvent due(LocalDate periodOn, LocalDate nextOn) {
        UUID invoice = UUID.nameUUIDFromBytes((ID + "/" + periodOn).getBytes(StandardCharsets.UTF_8));
        return new ScheduledInvoiceDueEvent(ID, ORG, periodOn, invoice, new InvoiceDraft(CLIENT, ENGAGEMENT, null,
                LINES, periodOn.plusDays(30), null, "Monthly"), nextOn);
    }
}
