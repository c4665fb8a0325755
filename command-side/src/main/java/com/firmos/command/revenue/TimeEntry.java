package com.firmos.command.revenue;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import com.firmos.api.messages.RefusalCode;
import com.firmos.api.messages.revenue.CorrectTimeEntryCommand;
import com.firmos.api.messages.revenue.DeleteTimeEntryCommand;
import com.firmos.api.messages.revenue.LineItem;
import com.firmos.api.messages.revenue.LogTimeEntryCommand;
import com.firmos.api.messages.revenue.TimeEntryBilledEvent;
import com.firmos.api.messages.revenue.TimeEntryCorrectedEvent;
import com.firmos.api.messages.revenue.TimeEntryDeletedEvent;
import com.firmos.api.messages.revenue.TimeEntryDetails;
import com.firmos.api.messages.revenue.TimeEntryLoggedEvent;
import com.firmos.command.ClientWriteAccess;
import com.firmos.command.DomainException;
import com.firmos.command.FieldRules;
import com.firmos.command.Refusals;
import com.firmos.command.engagement.EngagementLookup;
import com.firmos.command.project.ProjectLookup;

/** Hours a user worked on a project; billed on at most one invoice, and frozen once billed. */
@Aggregate
class TimeEntry {

    private static final BigDecimal DAY = BigDecimal.valueOf(24);

    @AggregateIdentifier
    private UUID timeEntryId;
    private String organizationId;
    private UUID engagementId;
    private TimeEntryDetails details;
    private UUID billedOn;
    private boolean deleted;

    TimeEntry() {
    }

    /** Every change needs write access to the engagement's client; creations check it in their handlers. */
    @CommandHandlerInterceptor
    void requireWriteAccess(CommandMessage<?> command, ClientWriteAccess access) {
        if (timeEntryId != null) {
            access.requireOnEngagement(engagementId, organizationId, command.getMetaData());
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(LogTimeEntryCommand command, EngagementLookup engagements, ProjectLookup projects,
            MetaData metaData, ClientWriteAccess access) {
        if (timeEntryId != null) {
            if (!organizationId.equals(command.organizationId()) || !details.equals(command.details())) {
                throw Refusals.idTaken();
            }
            return;
        }
        access.requireForEngagement(command.engagementId(), command.organizationId(), metaData);
        check(command.details());
        engagements.requireOpen(command.engagementId(), command.organizationId());
        requireProjectOf(command.engagementId(), command.details(), command.organizationId(), projects);
        apply(new TimeEntryLoggedEvent(command.timeEntryId(), command.organizationId(), command.engagementId(),
                command.details()));
    }

    @CommandHandler
    void handle(CorrectTimeEntryCommand command, ProjectLookup projects) {
        requireUnbilled(command.organizationId());
        check(command.details());
        if (!details.equals(command.details())) {
            requireProjectOf(engagementId, command.details(), organizationId, projects);
            apply(new TimeEntryCorrectedEvent(timeEntryId, organizationId, engagementId, command.details()));
        }
    }

    @CommandHandler
    void handle(DeleteTimeEntryCommand command) {
        requireUnbilled(command.organizationId());
        apply(new TimeEntryDeletedEvent(timeEntryId, organizationId, engagementId));
    }

    /** Marks the entry billed on the invoice and returns its line; called by {@link TimeBilling}. */
    LineItem billOn(String callerOrganizationId, UUID invoiceEngagementId, UUID invoiceId, BigDecimal rate) {
        requireUnbilled(callerOrganizationId);
        if (!details.billable()) {
            throw DomainException.invalid("timeEntryIds", "time entry " + timeEntryId + " is not billable");
        }
        if (!engagementId.equals(invoiceEngagementId)) {
            throw DomainException.invalid("timeEntryIds", "time entry " + timeEntryId
                    + " belongs to another engagement");
        }
        apply(new TimeEntryBilledEvent(timeEntryId, organizationId, engagementId, invoiceId));
        String description = "Time " + details.workedOn() + " " + details.userId()
                + (details.note() == null || details.note().isBlank() ? "" : ": " + details.note());
        return new LineItem(description.length() > 500 ? description.substring(0, 500) : description,
                details.hours(), rate, null);
    }

    private static void check(TimeEntryDetails details) {
        FieldRules.required("details", details);
        FieldRules.requiredText("userId", details.userId(), 100);
        FieldRules.required("projectId", details.projectId());
        FieldRules.required("workedOn", details.workedOn());
        FieldRules.required("hours", details.hours());
        FieldRules.maxLength("note", details.note(), 1_000);
        if (details.hours().signum() <= 0 || details.hours().compareTo(DAY) > 0 || details.hours().scale() > 2) {
            throw DomainException.invalid("hours", "hours must be above 0 and at most 24, in hundredths at most");
        }
    }

    private static void requireProjectOf(UUID engagementId, TimeEntryDetails details, String organizationId,
            ProjectLookup projects) {
        if (!projects.requireOpen(details.projectId(), organizationId).engagementId().equals(engagementId)) {
            throw DomainException.invalid("projectId", "the project belongs to another engagement");
        }
    }

    private void requireUnbilled(String callerOrganizationId) {
        if (deleted || !organizationId.equals(callerOrganizationId)) {
            throw DomainException.notFound("time entry");
        }
        if (billedOn != null) {
            throw Refusals.state("timeEntryIds", "time entry " + timeEntryId + " is already billed on invoice "
                    + billedOn);
        }
    }

    @EventSourcingHandler
    void on(TimeEntryLoggedEvent event) {
        timeEntryId = event.timeEntryId();
        organizationId = event.organizationId();
        engagementId = event.engagementId();
        details = event.details();
    }

    @EventSourcingHandler
    void on(TimeEntryCorrectedEvent event) {
        details = event.details();
    }

    @EventSourcingHandler
    void on(TimeEntryDeletedEvent event) {
        deleted = true;
    }

    @EventSourcingHandler
    void on(TimeEntryBilledEvent event) {
        billedOn = event.invoiceId();
    }
}
