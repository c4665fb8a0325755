package com.firmos.command.revenue;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
import com.firmos.api.messages.revenue.CreateInvoiceScheduleCommand;
import com.firmos.api.messages.revenue.EndInvoiceScheduleCommand;
import com.firmos.api.messages.revenue.InvoiceDraft;
import com.firmos.api.messages.revenue.InvoiceScheduleCreatedEvent;
import com.firmos.api.messages.revenue.InvoiceScheduleEndedEvent;
import com.firmos.api.messages.revenue.InvoiceScheduleTerms;
import com.firmos.api.messages.revenue.ScheduledInvoiceDueEvent;
import com.firmos.command.ClientWriteAccess;
import com.firmos.command.DomainException;
import com.firmos.command.FieldRules;
import com.firmos.command.Refusals;
import com.firmos.command.engagement.EngagementLookup;

/**
 * A recurring invoice. One deadline waits for the next drafting date; when it fires, every date that has come
 * (one, or several after downtime) is drafted in order and the deadline moves on. The next date lives in the
 * aggregate, so a period is drafted exactly once however often the deadline fires.
 */
@Aggregate
class InvoiceSchedule {

    static final String DRAFT_DEADLINE = "draft-scheduled-invoices";

    @AggregateIdentifier
    private UUID scheduleId;
    private String organizationId;
    private InvoiceScheduleTerms terms;
    private LocalDate nextOn;

    InvoiceSchedule() {
    }

    /** Every change needs write access to the client; creations check it in their handlers. */
    @CommandHandlerInterceptor
    void requireWriteAccess(CommandMessage<?> command, ClientWriteAccess access) {
        if (scheduleId != null) {
            access.requireOnClient(terms.clientId(), organizationId, command.getMetaData());
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CreateInvoiceScheduleCommand command, EngagementLookup engagements, DeadlineManager deadlines,
            MetaData metaData, ClientWriteAccess access) {
        if (scheduleId != null) {
            throw Refusals.idTaken();
        }
        access.requireForClient(command.terms() == null ? null : command.terms().clientId(),
                command.organizationId(), metaData);
        InvoiceScheduleTerms checked = check(command.terms());
        engagements.requireOpen(checked.engagementId(), command.organizationId())
                .requireOfClient(checked.clientId(), "engagementId");
        LocalDate first = SchedulePeriods.first(checked);
        if (first == null) {
            throw DomainException.invalid("endOn", "the schedule ends before its first drafting date");
        }
        apply(new InvoiceScheduleCreatedEvent(command.scheduleId(), command.organizationId(), checked, first));
        deadlines.schedule(first.atStartOfDay(ZoneOffset.UTC).toInstant(), DRAFT_DEADLINE, first.toString());
    }

    @CommandHandler
    void handle(EndInvoiceScheduleCommand command, DeadlineManager deadlines) {
        if (!organizationId.equals(command.organizationId())) {
            throw DomainException.notFound("invoice schedule");
        }
        if (nextOn != null) {
            apply(new InvoiceScheduleEndedEvent(scheduleId, organizationId));
            deadlines.cancelAllWithinScope(DRAFT_DEADLINE);
        }
    }

    /** The deadline carries its date as payload because Axon binds a deadline handler's first parameter to it. */
    @DeadlineHandler(deadlineName = DRAFT_DEADLINE)
    void onDraftingDate(String scheduledFor, DeadlineManager deadlines) {
        LocalDate today = LocalDate.ofInstant(GenericEventMessage.clock.instant(), ZoneOffset.UTC);
        while (nextOn != null && !nextOn.isAfter(today)) {
            apply(new ScheduledInvoiceDueEvent(scheduleId, organizationId, nextOn, invoiceIdFor(nextOn),
                    draftFor(nextOn), SchedulePeriods.after(terms, nextOn)));
        }
        if (nextOn != null) {
            deadlines.schedule(nextOn.atStartOfDay(ZoneOffset.UTC).toInstant(), DRAFT_DEADLINE, nextOn.toString());
        }
    }

    /** Fixed per period, so drafting the invoice is idempotent when the event is delivered again. */
    private UUID invoiceIdFor(LocalDate periodOn) {
        return UUID.nameUUIDFromBytes((scheduleId + "/" + periodOn).getBytes(StandardCharsets.UTF_8));
    }

    private InvoiceDraft draftFor(LocalDate periodOn) {
        return new InvoiceDraft(terms.clientId(), terms.engagementId(), null, terms.lines(),
                periodOn.plusDays(terms.dueInDays()), terms.recipientStakeholderId(), terms.notes());
    }

    private static InvoiceScheduleTerms check(InvoiceScheduleTerms terms) {
        FieldRules.required("terms", terms);
        FieldRules.required("cadence", terms.cadence());
        FieldRules.required("startOn", terms.startOn());
        if (terms.dayOfMonth() < 1 || terms.dayOfMonth() > 28) {
            throw DomainException.invalid("dayOfMonth", "dayOfMonth must be between 1 and 28");
        }
        if (terms.dueInDays() < 0 || terms.dueInDays() > 365) {
            throw DomainException.invalid("dueInDays", "dueInDays must be between 0 and 365");
        }
        if (terms.endOn() != null && terms.endOn().isBefore(terms.startOn())) {
            throw DomainException.invalid("endOn", "endOn must not come before startOn");
        }
        InvoiceDraft priced = InvoicePolicy.priced(new InvoiceDraft(terms.clientId(), terms.engagementId(), null,
                terms.lines(), terms.startOn(), terms.recipientStakeholderId(), terms.notes()));
        if (priced.lines().isEmpty()) {
            throw DomainException.invalid("lines", "a schedule needs at least one line");
        }
        return new InvoiceScheduleTerms(terms.clientId(), terms.engagementId(), priced.lines(), terms.cadence(),
                terms.dayOfMonth(), terms.startOn(), terms.endOn(), terms.dueInDays(),
                terms.recipientStakeholderId(), terms.notes());
    }

    @EventSourcingHandler
    void on(InvoiceScheduleCreatedEvent event) {
        scheduleId = event.scheduleId();
        organizationId = event.organizationId();
        terms = event.terms();
        nextOn = event.firstOn();
    }

    @EventSourcingHandler
    void on(ScheduledInvoiceDueEvent event) {
        nextOn = event.nextOn();
    }

    @EventSourcingHandler
    void on(InvoiceScheduleEndedEvent event) {
        nextOn = null;
    }
}
