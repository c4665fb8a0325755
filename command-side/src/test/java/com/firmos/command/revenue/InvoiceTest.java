package com.firmos.command.revenue;

import static com.firmos.command.RefusalMatchers.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.firmos.api.messages.RefusalCode;
import com.firmos.api.messages.activity.PlaybookPhase;
import com.firmos.api.messages.revenue.CancelInvoiceCommand;
import com.firmos.api.messages.revenue.DraftInvoiceCommand;
import com.firmos.api.messages.revenue.EditInvoiceDraftCommand;
import com.firmos.api.messages.revenue.InvoiceCancelledEvent;
import com.firmos.api.messages.revenue.InvoiceDraft;
import com.firmos.api.messages.revenue.InvoiceDraftedEvent;
import com.firmos.api.messages.revenue.InvoiceIssuedEvent;
import com.firmos.api.messages.revenue.InvoiceOverdueEvent;
import com.firmos.api.messages.revenue.InvoicePaidEvent;
import com.firmos.api.messages.revenue.InvoiceStatus;
import com.firmos.api.messages.revenue.InvoiceViewedEvent;
import com.firmos.api.messages.revenue.IssueInvoiceCommand;
import com.firmos.api.messages.revenue.LineItem;
import com.firmos.api.messages.revenue.MarkInvoiceViewedCommand;
import com.firmos.api.messages.revenue.PaymentRecordedEvent;
import com.firmos.api.messages.revenue.RecordPaymentCommand;
import com.firmos.command.Caller;
import com.firmos.command.KnownClients;
import com.firmos.command.KnownEngagements;

class InvoiceTest {

    private static final String ORG = "org_acme";
    private static final UUID ID = UUID.fromString("1a000000-0000-4000-8000-000000000001");
    private static final UUID CLIENT = UUID.fromString("c1000000-0000-4000-8000-000000000001");
    private static final UUID ENGAGEMENT = UUID.fromString("11111111-2222-4333-8444-555555555555");
    private static final UUID OTHER_CLIENTS_ENGAGEMENT = UUID.fromString("22222222-2222-4333-8444-555555555555");
    private static final UUID PAYMENT = UUID.fromString("9e000000-0000-4000-8000-000000000001");

    private AggregateTestFixture<Invoice> fixture;
    private LocalDate due;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Invoice.class);
        fixture.registerInjectableResource(KnownClients.assignedToClient(ORG, CLIENT));
        fixture.registerInjectableResource(new KnownEngagements().open(ENGAGEMENT, ORG, PlaybookPhase.ALIGN, CLIENT)
                .open(OTHER_CLIENTS_ENGAGEMENT, ORG, PlaybookPhase.ALIGN));
        AtomicLong sequence = new AtomicLong();
        fixture.registerInjectableResource((InvoiceNumberer) (organizationId, invoiceId, issuedOn) -> {
            long next = sequence.incrementAndGet();
            return new InvoiceNumberer.AssignedNumber(next, "INV-" + issuedOn.getYear() + "-" + next);
        });
        due = LocalDate.ofInstant(fixture.currentTime(), ZoneOffset.UTC).plusDays(14);
    }

    @ParameterizedTest
    @EnumSource(Caller.class)
    void onlyCallersWithWriteAccessToTheClientDraftInvoices(Caller caller) {
        caller.expect(fixture.givenNoPriorActivity()
                .when(new DraftInvoiceCommand(ID, ORG, draft(List.of(line("Workshop", "2", "1500.00")))),
                        caller.metaData(ORG)),
                new InvoiceDraftedEvent(ID, ORG, new InvoiceDraft(CLIENT, ENGAGEMENT, List.of(),
                        List.of(priced("Workshop", "2", "1500.00", "3000.00")), due, null, null),
                        new BigDecimal("3000.00")));
    }

    @ParameterizedTest
    @EnumSource(Caller.class)
    void onlyCallersWithWriteAccessToTheClientCancelInvoices(Caller caller) {
        caller.expect(fixture.given(drafted()).when(new CancelInvoiceCommand(ID, ORG, "Wrong client"),
                caller.metaData(ORG)),
                new InvoiceCancelledEvent(ID, ORG, CLIENT, InvoiceStatus.DRAFT, "Wrong client"));
    }


    @Test
    void amountsAreQuantityTimesPriceRoundedHalfUpToCentsAndTheTotalIsTheirSum() {
        // 2.5 x 149.99 = 374.975 -> 374.98 (half up); 3 x 0.33 = 0.99; total 375.97
        InvoiceDraft priced = InvoicePolicy.priced(draft(List.of(line("Workshop", "2.5", "149.99"),
                line("Printing", "3", "0.33"))));

        assertThat(priced.lines().get(0).amount()).isEqualByComparingTo("374.98");
        assertThat(priced.lines().get(1).amount()).isEqualByComparingTo("0.99");
        assertThat(InvoicePolicy.total(priced)).isEqualByComparingTo("375.97");
    }

    @Test
    void anAmountSentByTheCallerIsIgnored() {
        LineItem claimed = new LineItem("Workshop", BigDecimal.ONE, new BigDecimal("100.00"), new BigDecimal("1.00"));

        assertThat(InvoicePolicy.priced(draft(List.of(claimed))).lines().get(0).amount())
                .isEqualByComparingTo("100.00");
    }

    @Test
    void aUnitPriceInFractionsOfCentsIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new DraftInvoiceCommand(ID, ORG, draft(List.of(line("Printing", "3", "0.333")))))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "lines[0].unitPrice"));
    }

    @Test
    void canDraftAnInvoiceWhoseTotalIsComputed() {
        fixture.givenNoPriorActivity()
                .when(new DraftInvoiceCommand(ID, ORG, draft(List.of(line("Workshop", "2", "1500.00"),
                        line("Travel", "1", "320.50")))))
                .expectEvents(new InvoiceDraftedEvent(ID, ORG, new InvoiceDraft(CLIENT, ENGAGEMENT, List.of(),
                        List.of(priced("Workshop", "2", "1500.00", "3000.00"), priced("Travel", "1", "320.50",
                                "320.50")), due, null, null), new BigDecimal("3320.50")));
    }

    @Test
    void cannotDraftLineWithZeroQuantity() {
        fixture.givenNoPriorActivity()
                .when(new DraftInvoiceCommand(ID, ORG, draft(List.of(line("Workshop", "0", "10")))))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "lines[0].quantity"));
    }

    @Test
    void cannotDraftAnInvoiceUnderAnotherClientsEngagement() {
        fixture.givenNoPriorActivity()
                .when(new DraftInvoiceCommand(ID, ORG, new InvoiceDraft(CLIENT, OTHER_CLIENTS_ENGAGEMENT, null,
                        List.of(line("x", "1", "1")), due, null, null)))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "engagementId"));
    }

    @Test
    void cannotMoveADraftToAnotherClientsEngagement() {
        fixture.given(drafted())
                .when(new EditInvoiceDraftCommand(ID, ORG, null, new InvoiceDraft(CLIENT, OTHER_CLIENTS_ENGAGEMENT,
                        null, List.of(line("x", "1", "1")), due, null, null)))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "engagementId"));
    }

    @Test
    void cannotDraftForUnknownEngagement() {
        fixture.givenNoPriorActivity()
                .when(new DraftInvoiceCommand(ID, ORG, new InvoiceDraft(CLIENT, UUID.randomUUID(), null,
                        List.of(line("x", "1", "1")), due, null, null)))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "engagementId"));
    }

    @Test
    void issuingTakesTheNextNumberAndSchedulesTheOverdueDeadline() {
        int year = LocalDate.ofInstant(fixture.currentTime(), ZoneOffset.UTC).getYear();
        fixture.given(drafted())
                .when(new IssueInvoiceCommand(ID, ORG, null))
                .expectEvents(new InvoiceIssuedEvent(ID, ORG, CLIENT, "INV-" + year + "-1", 1, due,
                        new BigDecimal("1000.00")))
                .expectScheduledDeadlineWithName(due.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                        Invoice.OVERDUE_DEADLINE);
    }

    @Test
    void cannotIssueAnInvoiceWithoutLines() {
        fixture.given(new InvoiceDraftedEvent(ID, ORG, new InvoiceDraft(CLIENT, ENGAGEMENT, List.of(), List.of(),
                        due, null, null), BigDecimal.ZERO.setScale(2)))
                .when(new IssueInvoiceCommand(ID, ORG, null))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "lines"));
    }

    @Test
    void cannotIssueTwice() {
        fixture.given(drafted(), issued())
                .when(new IssueInvoiceCommand(ID, ORG, null))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, "status"));
    }

    @Test
    void anIssuedInvoiceBecomesOverdueByItselfAtTheEndOfItsDueDate() {
        fixture.given(drafted())
                .andGivenCommands(new IssueInvoiceCommand(ID, ORG, null))
                .whenTimeElapses(Duration.ofDays(16))
                .expectEvents(new InvoiceOverdueEvent(ID, ORG, CLIENT, due))
                .expectTriggeredDeadlinesWithName(Invoice.OVERDUE_DEADLINE);
    }

    @Test
    void theDeadlineDoesNotFireOnTheDueDateItself() {
        fixture.given(drafted())
                .andGivenCommands(new IssueInvoiceCommand(ID, ORG, null))
                .whenTimeElapses(Duration.ofDays(14))
                .expectNoEvents();
    }

    @Test
    void payingInFullBeforeTheDueDateCancelsTheDeadline() {
        fixture.given(drafted())
                .andGivenCommands(new IssueInvoiceCommand(ID, ORG, null),
                        new RecordPaymentCommand(ID, ORG, PAYMENT, new BigDecimal("1000.00"), due, "wire", "R1"))
                .whenTimeElapses(Duration.ofDays(30))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void aViewedInvoiceStillTurnsOverdue() {
        fixture.given(drafted())
                .andGivenCommands(new IssueInvoiceCommand(ID, ORG, null), new MarkInvoiceViewedCommand(ID, ORG))
                .whenTimeElapses(Duration.ofDays(16))
                .expectEvents(new InvoiceOverdueEvent(ID, ORG, CLIENT, due));
    }

    @Test
    void canMarkASentInvoiceViewed() {
        fixture.given(drafted(), issued())
                .when(new MarkInvoiceViewedCommand(ID, ORG))
                .expectEvents(new InvoiceViewedEvent(ID, ORG, CLIENT));
    }

    @Test
    void aDraftCannotBeViewed() {
        fixture.given(drafted())
                .when(new MarkInvoiceViewedCommand(ID, ORG))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, "status"));
    }

    @Test
    void partialPaymentLeavesABalanceAndFullPaymentPays() {
        fixture.given(drafted(), issued(), new PaymentRecordedEvent(ID, ORG, CLIENT, UUID.randomUUID(),
                        new BigDecimal("400.00"), due, "card", null, new BigDecimal("600.00")))
                .when(new RecordPaymentCommand(ID, ORG, PAYMENT, new BigDecimal("600.00"), due, "wire", "R2"))
                .expectEvents(new PaymentRecordedEvent(ID, ORG, CLIENT, PAYMENT, new BigDecimal("600.00"), due,
                        "wire", "R2", new BigDecimal("0.00")), new InvoicePaidEvent(ID, ORG, CLIENT, due));
    }

    @Test
    void anOverdueInvoiceCanStillBePaid() {
        fixture.given(drafted(), issued(), new InvoiceOverdueEvent(ID, ORG, CLIENT, due))
                .when(new RecordPaymentCommand(ID, ORG, PAYMENT, new BigDecimal("1000.00"), due, "wire", null))
                .expectEvents(new PaymentRecordedEvent(ID, ORG, CLIENT, PAYMENT, new BigDecimal("1000.00"), due,
                        "wire", null, new BigDecimal("0.00")), new InvoicePaidEvent(ID, ORG, CLIENT, due));
    }

    @Test
    void overpaymentIsRefused() {
        fixture.given(drafted(), issued())
                .when(new RecordPaymentCommand(ID, ORG, PAYMENT, new BigDecimal("1000.01"), due, "wire", null))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "amount"))
                .expectNoEvents();
    }

    @Test
    void aDraftTakesNoPayments() {
        fixture.given(drafted())
                .when(new RecordPaymentCommand(ID, ORG, PAYMENT, BigDecimal.TEN, due, "wire", null))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, "status"));
    }

    @Test
    void aRetriedPaymentChangesNothing() {
        fixture.given(drafted(), issued(), new PaymentRecordedEvent(ID, ORG, CLIENT, PAYMENT,
                        new BigDecimal("400.00"), due, "card", null, new BigDecimal("600.00")))
                .when(new RecordPaymentCommand(ID, ORG, PAYMENT, new BigDecimal("400.00"), due, "card", null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anythingButPaidCanBeCancelledWithAReason() {
        fixture.given(drafted(), issued(), new InvoiceOverdueEvent(ID, ORG, CLIENT, due))
                .when(new CancelInvoiceCommand(ID, ORG, "Billed twice"))
                .expectEvents(new InvoiceCancelledEvent(ID, ORG, CLIENT, InvoiceStatus.OVERDUE, "Billed twice"));
    }

    @Test
    void aDraftCanBeCancelled() {
        fixture.given(drafted())
                .when(new CancelInvoiceCommand(ID, ORG, "Wrong client"))
                .expectEvents(new InvoiceCancelledEvent(ID, ORG, CLIENT, InvoiceStatus.DRAFT, "Wrong client"));
    }

    @Test
    void aPaidInvoiceCannotBeCancelled() {
        fixture.given(drafted(), issued(), new PaymentRecordedEvent(ID, ORG, CLIENT, PAYMENT,
                        new BigDecimal("1000.00"), due, "wire", null, new BigDecimal("0.00")),
                        new InvoicePaidEvent(ID, ORG, CLIENT, due))
                .when(new CancelInvoiceCommand(ID, ORG, "Oops"))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, "status"));
    }

    @Test
    void cancellingNeedsAReason() {
        fixture.given(drafted())
                .when(new CancelInvoiceCommand(ID, ORG, " "))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "reason"));
    }

    @Test
    void cancellingAnIssuedInvoiceCancelsItsDeadline() {
        fixture.given(drafted())
                .andGivenCommands(new IssueInvoiceCommand(ID, ORG, null), new CancelInvoiceCommand(ID, ORG, "Void"))
                .whenTimeElapses(Duration.ofDays(30))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    private InvoiceDraftedEvent drafted() {
        return new InvoiceDraftedEvent(ID, ORG, new InvoiceDraft(CLIENT, ENGAGEMENT, List.of(),
                List.of(priced("Workshop", "1", "1000.00", "1000.00")), due, null, null), new BigDecimal("1000.00"));
    }

    private InvoiceIssuedEvent issued() {
        return new InvoiceIssuedEvent(ID, ORG, CLIENT, "INV-2026-0001", 1, due, new BigDecimal("1000.00"));
    }

    private InvoiceDraft draft(List<LineItem> lines) {
        return new InvoiceDraft(CLIENT, ENGAGEMENT, null, lines, due, null, null);
    }

    private static LineItem line(String description, String quantity, String price) {
        return new LineItem(description, new BigDecimal(quantity), new BigDecimal(price), null);
    }

    private static LineItem priced(String description, String quantity, String price, String amount) {
        return new LineItem(description, new BigDecimal(quantity), new BigDecimal(price), new BigDecimal(amount));
    }
}
