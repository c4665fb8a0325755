package com.firmos.command.revenue;

import static com.firmos.command.RefusalMatchers.refusal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.firmos.api.messages.RefusalCode;
import com.firmos.api.messages.activity.PlaybookPhase;
import com.firmos.api.messages.revenue.ApproveBillCommand;
import com.firmos.api.messages.revenue.BillApprovedEvent;
import com.firmos.api.messages.revenue.BillCancelledEvent;
import com.firmos.api.messages.revenue.BillPaidEvent;
import com.firmos.api.messages.revenue.BillRecordedEvent;
import com.firmos.api.messages.revenue.BillRejectedEvent;
import com.firmos.api.messages.revenue.CancelBillCommand;
import com.firmos.api.messages.revenue.PayBillCommand;
import com.firmos.api.messages.revenue.RecordBillCommand;
import com.firmos.api.messages.revenue.RejectBillCommand;
import com.firmos.command.KnownEngagements;

class BillTest {

    private static final String ORG = "org_acme";
    private static final UUID ID = UUID.fromString("b1000000-0000-4000-8000-000000000001");
    private static final UUID VENDOR = UUID.fromString("7d000000-0000-4000-8000-000000000001");
    private static final UUID ENGAGEMENT = UUID.fromString("11111111-2222-4333-8444-555555555555");
    private static final LocalDate DUE = LocalDate.of(2026, 12, 15);
    private static final BigDecimal AMOUNT = new BigDecimal("1250.00");
    private static final BillRecordedEvent RECORDED = new BillRecordedEvent(ID, ORG, VENDOR, ENGAGEMENT, "V-77",
            AMOUNT, "USD", DUE, "Venue hire");

    private AggregateTestFixture<Bill> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Bill.class);
        fixture.registerInjectableResource(new KnownEngagements().open(ENGAGEMENT, ORG, PlaybookPhase.ALIGN));
        fixture.registerInjectableResource((VendorLookup) (vendorId, organizationId) -> {
            if (!VENDOR.equals(vendorId) || !ORG.equals(organizationId)) {
                throw RepositoryVendorLookup.unknown();
            }
        });
    }

    @Test
    void aRecordedBillIsPending() {
        fixture.givenNoPriorActivity()
                .when(new RecordBillCommand(ID, ORG, VENDOR, ENGAGEMENT, "V-77", AMOUNT, DUE, "Venue hire"))
                .expectEvents(RECORDED);
    }

    @Test
    void theEngagementLinkIsOptional() {
        fixture.givenNoPriorActivity()
                .when(new RecordBillCommand(ID, ORG, VENDOR, null, null, AMOUNT, DUE, null))
                .expectEvents(new BillRecordedEvent(ID, ORG, VENDOR, null, null, AMOUNT, "USD", DUE, null));
    }

    @Test
    void cannotRecordABillOfAnUnknownVendor() {
        fixture.givenNoPriorActivity()
                .when(new RecordBillCommand(ID, ORG, UUID.randomUUID(), null, null, AMOUNT, DUE, null))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "vendorId"));
    }

    @Test
    void cannotRecordAnAmountInFractionsOfCents() {
        fixture.givenNoPriorActivity()
                .when(new RecordBillCommand(ID, ORG, VENDOR, null, null, new BigDecimal("10.001"), DUE, null))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "amount"));
    }

    @Test
    void cannotRecordTheSameBillTwice() {
        fixture.given(RECORDED)
                .when(new RecordBillCommand(ID, ORG, VENDOR, ENGAGEMENT, "V-77", AMOUNT, DUE, "Venue hire"))
                .expectException(refusal(RefusalCode.ALREADY_EXISTS, "id"));
    }

    @Test
    void canApprovePendingBill() {
        fixture.given(RECORDED)
                .when(new ApproveBillCommand(ID, ORG))
                .expectEvents(new BillApprovedEvent(ID, ORG));
    }

    @Test
    void canRejectPendingBill() {
        fixture.given(RECORDED)
                .when(new RejectBillCommand(ID, ORG, "Not ours"))
                .expectEvents(new BillRejectedEvent(ID, ORG, "Not ours"));
    }

    @Test
    void cannotRejectWithoutAReason() {
        fixture.given(RECORDED)
                .when(new RejectBillCommand(ID, ORG, " "))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "reason"));
    }

    @Test
    void canPayApprovedBill() {
        fixture.given(RECORDED, new BillApprovedEvent(ID, ORG))
                .when(new PayBillCommand(ID, ORG, DUE))
                .expectEvents(new BillPaidEvent(ID, ORG, DUE));
    }

    @Test
    void cannotPayPendingBill() {
        fixture.given(RECORDED)
                .when(new PayBillCommand(ID, ORG, DUE))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, "status"));
    }

    @Test
    void cannotApproveRejectedBill() {
        fixture.given(RECORDED, new BillRejectedEvent(ID, ORG, "Not ours"))
                .when(new ApproveBillCommand(ID, ORG))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, "status"));
    }

    @Test
    void cannotRejectApprovedBill() {
        fixture.given(RECORDED, new BillApprovedEvent(ID, ORG))
                .when(new RejectBillCommand(ID, ORG, "Changed our mind"))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, "status"));
    }

    @Test
    void canCancelPendingBill() {
        fixture.given(RECORDED)
                .when(new CancelBillCommand(ID, ORG, "Duplicate"))
                .expectEvents(new BillCancelledEvent(ID, ORG, "Duplicate"));
    }

    @Test
    void canCancelApprovedBill() {
        fixture.given(RECORDED, new BillApprovedEvent(ID, ORG))
                .when(new CancelBillCommand(ID, ORG, "Duplicate"))
                .expectEvents(new BillCancelledEvent(ID, ORG, "Duplicate"));
    }

    @Test
    void canCancelRejectedBill() {
        fixture.given(RECORDED, new BillRejectedEvent(ID, ORG, "Not ours"))
                .when(new CancelBillCommand(ID, ORG, "Closing it"))
                .expectEvents(new BillCancelledEvent(ID, ORG, "Closing it"));
    }

    @Test
    void cannotCancelPaidBill() {
        fixture.given(RECORDED, new BillApprovedEvent(ID, ORG), new BillPaidEvent(ID, ORG, DUE))
                .when(new CancelBillCommand(ID, ORG, "Duplicate"))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, "status"));
    }

    @Test
    void cannotCancelCancelledBill() {
        fixture.given(RECORDED, new BillCancelledEvent(ID, ORG, "Duplicate"))
                .when(new CancelBillCommand(ID, ORG, "Again"))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, "status"));
    }

    @Test
    void anotherTenantCannotApproveTheBill() {
        fixture.given(RECORDED)
                .when(new ApproveBillCommand(ID, "org_other"))
                .expectException(refusal(RefusalCode.NOT_FOUND, null));
    }
}
