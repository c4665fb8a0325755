package com.firmos.command.revenue;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import com.firmos.api.messages.RefusalCode;
import com.firmos.api.messages.revenue.CancelInvoiceCommand;
import com.firmos.api.messages.revenue.DraftInvoiceCommand;
import com.firmos.api.messages.revenue.EditInvoiceDraftCommand;
import com.firmos.api.messages.revenue.InvoiceCancelledEvent;
import com.firmos.api.messages.revenue.InvoiceDraft;
import com.firmos.api.messages.revenue.InvoiceDraftEditedEvent;
import com.firmos.api.messages.revenue.InvoiceDraftedEvent;
import com.firmos.api.messages.revenue.InvoiceIssuedEvent;
import com.firmos.api.messages.revenue.InvoiceLinesAddedEvent;
import com.firmos.api.messages.revenue.InvoiceOverdueEvent;
import com.firmos.api.messages.revenue.InvoicePaidEvent;
import com.firmos.api.messages.revenue.InvoiceStatus;
import com.firmos.api.messages.revenue.InvoiceViewedEvent;
import com.firmos.api.messages.revenue.IssueInvoiceCommand;
import com.firmos.api.messages.revenue.LineItem;
import com.firmos.api.messages.revenue.MarkInvoiceViewedCommand;
import com.firmos.api.messages.revenue.PaymentRecordedEvent;
import com.firmos.api.messages.revenue.RecordPaymentCommand;
import com.firmos.command.ClientWriteAccess;
import com.firmos.command.CommandSideConfiguration;
import com.firmos.command.DomainException;
import com.firmos.command.FieldRules;
import com.firmos.command.Refusals;
import com.firmos.command.engagement.EngagementLookup;

/**
 * An invoice: drafted, then issued with the tenant's next number (its lines frozen), viewed by the client,
 * overdue by itself at the end of its due date (an Axon deadline, cancelled by full payment or cancellation),
 * paid when payments cover the total. Anything but a paid invoice can be cancelled; its number stays used.
 */
@Aggregate(snapshotTriggerDefinition = CommandSideConfiguration.SNAPSHOT_TRIGGER, cache = "invoiceCache")
class Invoice {

    static final String OVERDUE_DEADLINE = "invoice-overdue";

    @AggregateIdentifier
    private UUID invoiceId;
    private String organizationId;
    private UUID clientId;
    private InvoiceDraft draft;
    private BigDecimal total;
    private BigDecimal balanceDue;
    private InvoiceStatus status;
    private Map<UUID, BigDecimal> payments = new HashMap<>();

    Invoice() {
    }

    /** Every change needs write access to the client; creations check it in their handlers. */
    @CommandHandlerInterceptor
    void requireWriteAccess(CommandMessage<?> command, ClientWriteAccess access) {
        if (invoiceId != null) {
            access.requireOnClient(clientId, organizationId, command.getMetaData());
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(DraftInvoiceCommand command, EngagementLookup engagements, MetaData metaData,
            ClientWriteAccess access) {
        if (invoiceId == null) {
            access.requireForClient(command.draft() == null ? null : command.draft().clientId(),
                    command.organizationId(), metaData);
        }
        InvoiceDraft priced = InvoicePolicy.priced(command.draft());
        if (invoiceId != null) {
            if (!organizationId.equals(command.organizationId()) || !draft.equals(priced)) {
                throw Refusals.idTaken();
            }
            return;
        }
        engagements.requireOpen(priced.engagementId(), command.organizationId())
                .requireOfClient(priced.clientId(), "engagementId");
        apply(new InvoiceDraftedEvent(command.invoiceId(), command.organizationId(), priced,
                InvoicePolicy.total(priced)));
    }

    @CommandHandler
    void handle(EditInvoiceDraftCommand command, EngagementLookup engagements) {
        requireStatus(command.organizationId(), InvoiceStatus.DRAFT, "only a draft can be edited");
        InvoiceDraft priced = InvoicePolicy.priced(command.draft());
        if (!priced.clientId().equals(clientId)) {
            throw DomainException.invalid("clientId", "an invoice stays with its client");
        }
        if (!Objects.equals(priced.engagementId(), draft.engagementId())) {
            engagements.requireOpen(priced.engagementId(), organizationId).requireOfClient(clientId, "engagementId");
        }
        if (!priced.equals(draft)) {
            apply(new InvoiceDraftEditedEvent(invoiceId, organizationId, clientId, priced,
                    InvoicePolicy.total(priced)));
        }
    }

    @CommandHandler
    void handle(IssueInvoiceCommand command, InvoiceNumberer numberer, DeadlineManager deadlines) {
        requireStatus(command.organizationId(), InvoiceStatus.DRAFT, "only a draft can be issued");
        if (draft.lines().isEmpty()) {
            throw DomainException.invalid("lines", "an invoice needs at least one line to be issued");
        }
        LocalDate today = LocalDate.ofInstant(GenericEventMessage.clock.instant(), ZoneOffset.UTC);
        InvoiceNumberer.AssignedNumber number = numberer.next(organizationId, invoiceId, today);
        apply(new InvoiceIssuedEvent(invoiceId, organizationId, clientId, number.number(), number.sequence(),
                draft.dueDate(), total));
        deadlines.schedule(draft.dueDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), OVERDUE_DEADLINE);
    }

    @CommandHandler
    void handle(MarkInvoiceViewedCommand command) {
        requireTenant(command.organizationId());
        if (status == InvoiceStatus.DRAFT || status == InvoiceStatus.CANCELLED) {
            throw Refusals.state("status", "a " + Refusals.wire(status) + " invoice cannot be viewed by the client");
        }
        if (status == InvoiceStatus.SENT) {
            apply(new InvoiceViewedEvent(invoiceId, organizationId, clientId));
        }
    }

    @DeadlineHandler(deadlineName = OVERDUE_DEADLINE)
    void onDueDatePassed() {
        if (status == InvoiceStatus.SENT || status == InvoiceStatus.VIEWED) {
            apply(new InvoiceOverdueEvent(invoiceId, organizationId, clientId, draft.dueDate()));
        }
    }

    @CommandHandler
    void handle(RecordPaymentCommand command, DeadlineManager deadlines) {
        requireTenant(command.organizationId());
        FieldRules.required("id", command.paymentId());
        BigDecimal earlier = payments.get(command.paymentId());
        if (earlier != null) {
            if (earlier.compareTo(command.amount()) != 0) {
                throw new DomainException(RefusalCode.ALREADY_EXISTS, "id", "a payment with this id exists");
            }
            return;
        }
        if (status != InvoiceStatus.SENT && status != InvoiceStatus.VIEWED && status != InvoiceStatus.OVERDUE) {
            throw Refusals.state("status", "a " + Refusals.wire(status) + " invoice takes no payments");
        }
        FieldRules.usdAmount("amount", command.amount());
        FieldRules.required("paidOn", command.paidOn());
        FieldRules.maxLength("method", command.method(), 50);
        FieldRules.maxLength("reference", command.reference(), 200);
        if (command.amount().signum() == 0 || command.amount().compareTo(balanceDue) > 0) {
            throw DomainException.invalid("amount", "a payment is above 0 and at most the balance due, "
                    + balanceDue);
        }
        BigDecimal balance = balanceDue.subtract(command.amount());
        apply(new PaymentRecordedEvent(invoiceId, organizationId, clientId, command.paymentId(), command.amount(),
                command.paidOn(), command.method(), command.reference(), balance));
        if (balance.signum() == 0) {
            apply(new InvoicePaidEvent(invoiceId, organizationId, clientId, command.paidOn()));
            deadlines.cancelAllWithinScope(OVERDUE_DEADLINE);
        }
    }

    @CommandHandler
    void handle(CancelInvoiceCommand command, DeadlineManager deadlines) {
        requireTenant(command.organizationId());
        if (status == InvoiceStatus.PAID || status == InvoiceStatus.CANCELLED) {
            throw Refusals.state("status", "a " + Refusals.wire(status) + " invoice cannot be cancelled");
        }
        FieldRules.requiredText("reason", command.reason(), 500);
        apply(new InvoiceCancelledEvent(invoiceId, organizationId, clientId, status, command.reason()));
        deadlines.cancelAllWithinScope(OVERDUE_DEADLINE);
    }

    /** The engagement whose time this draft may bill; called by {@link TimeBilling}. */
    UUID engagementForBilling(String callerOrganizationId) {
        requireStatus(callerOrganizationId, InvoiceStatus.DRAFT, "time is billed on drafts only");
        return draft.engagementId();
    }

    /** Called by {@link TimeBilling}, which changes the invoice outside its own handlers. */
    void requireWriteAccess(MetaData metaData, ClientWriteAccess access) {
        access.requireOnClient(clientId, organizationId, metaData);
    }

    void addTimeLines(List<LineItem> lines, List<UUID> timeEntryIds) {
        InvoiceDraft withLines = InvoicePolicy.priced(new InvoiceDraft(draft.clientId(), draft.engagementId(),
                draft.projectIds(), concat(draft.lines(), lines), draft.dueDate(), draft.recipientStakeholderId(),
                draft.notes()));
        List<LineItem> added = withLines.lines().subList(draft.lines().size(), withLines.lines().size());
        apply(new InvoiceLinesAddedEvent(invoiceId, organizationId, clientId, List.copyOf(added), timeEntryIds,
                InvoicePolicy.total(withLines)));
    }

    @EventSourcingHandler
    void on(InvoiceLinesAddedEvent event) {
        draft = new InvoiceDraft(draft.clientId(), draft.engagementId(), draft.projectIds(),
                concat(draft.lines(), event.lines()), draft.dueDate(), draft.recipientStakeholderId(), draft.notes());
        total = event.total();
    }

    private static List<LineItem> concat(List<LineItem> first, List<LineItem> second) {
        List<LineItem> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    @EventSourcingHandler
    void on(InvoiceDraftedEvent event) {
        invoiceId = event.invoiceId();
        organizationId = event.organizationId();
        clientId = event.draft().clientId();
        draft = event.draft();
        total = event.total();
        status = InvoiceStatus.DRAFT;
    }

    @EventSourcingHandler
    void on(InvoiceDraftEditedEvent event) {
        draft = event.draft();
        total = event.total();
    }

    @EventSourcingHandler
    void on(InvoiceIssuedEvent event) {
        status = InvoiceStatus.SENT;
        balanceDue = event.total();
    }

    @EventSourcingHandler
    void on(InvoiceViewedEvent event) {
        status = InvoiceStatus.VIEWED;
    }

    @EventSourcingHandler
    void on(InvoiceOverdueEvent event) {
        status = InvoiceStatus.OVERDUE;
    }

    @EventSourcingHandler
    void on(PaymentRecordedEvent event) {
        payments.put(event.paymentId(), event.amount());
        balanceDue = event.balanceDue();
    }

    @EventSourcingHandler
    void on(InvoicePaidEvent event) {
        status = InvoiceStatus.PAID;
    }

    @EventSourcingHandler
    void on(InvoiceCancelledEvent event) {
        status = InvoiceStatus.CANCELLED;
    }

    private void requireTenant(String callerOrganizationId) {
        if (!organizationId.equals(callerOrganizationId)) {
            throw DomainException.notInTenant();
        }
    }

    private void requireStatus(String callerOrganizationId, InvoiceStatus required, String rule) {
        requireTenant(callerOrganizationId);
        if (status != required) {
            throw Refusals.state("status", rule + "; this invoice is " + Refusals.wire(status));
        }
    }
}
