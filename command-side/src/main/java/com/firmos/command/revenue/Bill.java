package com.firmos.command.revenue;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import com.firmos.api.messages.RefusalCode;
import com.firmos.api.messages.revenue.ApproveBillCommand;
import com.firmos.api.messages.revenue.BillApprovedEvent;
import com.firmos.api.messages.revenue.BillCancelledEvent;
import com.firmos.api.messages.revenue.BillPaidEvent;
import com.firmos.api.messages.revenue.BillRecordedEvent;
import com.firmos.api.messages.revenue.BillRejectedEvent;
import com.firmos.api.messages.revenue.BillStatus;
import com.firmos.api.messages.revenue.CancelBillCommand;
import com.firmos.api.messages.revenue.PayBillCommand;
import com.firmos.api.messages.revenue.RecordBillCommand;
import com.firmos.api.messages.revenue.RejectBillCommand;
import com.firmos.command.DomainException;
import com.firmos.command.FieldRules;
import com.firmos.command.Refusals;
import com.firmos.command.engagement.EngagementLookup;

/** A vendor's bill, from pending approval to paid, rejected or cancelled. */
@Aggregate
class Bill {

    private static final String CURRENCY = "USD";

    @AggregateIdentifier
    private UUID billId;
    private String organizationId;
    private BillStatus status;

    Bill() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordBillCommand command, VendorLookup vendors, EngagementLookup engagements) {
        if (billId != null) {
            throw Refusals.idTaken();
        }
        vendors.requireKnown(command.vendorId(), command.organizationId());
        if (command.engagementId() != null) {
            engagements.requireOpen(command.engagementId(), command.organizationId());
        }
        FieldRules.maxLength("reference", command.reference(), 100);
        FieldRules.usdAmount("amount", command.amount());
        FieldRules.required("dueDate", command.dueDate());
        FieldRules.maxLength("description", command.description(), 2_000);
        apply(new BillRecordedEvent(command.billId(), command.organizationId(), command.vendorId(),
                command.engagementId(), command.reference(), command.amount(), CURRENCY, command.dueDate(),
                command.description()));
    }

    @CommandHandler
    void handle(ApproveBillCommand command) {
        requireMove(command.organizationId(), BillStatus.APPROVED);
        apply(new BillApprovedEvent(billId, organizationId));
    }

    @CommandHandler
    void handle(RejectBillCommand command) {
        requireMove(command.organizationId(), BillStatus.REJECTED);
        FieldRules.requiredText("reason", command.reason(), 1_000);
        apply(new BillRejectedEvent(billId, organizationId, command.reason()));
    }

    @CommandHandler
    void handle(PayBillCommand command) {
        requireMove(command.organizationId(), BillStatus.PAID);
        FieldRules.required("paidOn", command.paidOn());
        apply(new BillPaidEvent(billId, organizationId, command.paidOn()));
    }

    @CommandHandler
    void handle(CancelBillCommand command) {
        requireMove(command.organizationId(), BillStatus.CANCELLED);
        FieldRules.requiredText("reason", command.reason(), 1_000);
        apply(new BillCancelledEvent(billId, organizationId, command.reason()));
    }

    private void requireMove(String callerOrganizationId, BillStatus to) {
        if (!organizationId.equals(callerOrganizationId)) {
            throw DomainException.notFound("bill");
        }
        BillLifecycle.requireMove(status, to);
    }

    @EventSourcingHandler
    void on(BillRecordedEvent event) {
        billId = event.billId();
        organizationId = event.organizationId();
        status = BillStatus.PENDING;
    }

    @EventSourcingHandler
    void on(BillApprovedEvent event) {
        status = BillStatus.APPROVED;
    }

    @EventSourcingHandler
    void on(BillRejectedEvent event) {
        status = BillStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(BillPaidEvent event) {
        status = BillStatus.PAID;
    }

    @EventSourcingHandler
    void on(BillCancelledEvent event) {
        status = BillStatus.CANCELLED;
    }
}
