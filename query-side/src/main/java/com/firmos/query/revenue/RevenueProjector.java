package com.firmos.query.revenue;

import static com.firmos.query.Jdbc.utc;
import static com.firmos.query.WireValues.wire;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.firmos.api.messages.revenue.InvoiceCancelledEvent;
import com.firmos.api.messages.revenue.InvoiceDraft;
import com.firmos.api.messages.revenue.InvoiceDraftEditedEvent;
import com.firmos.api.messages.revenue.InvoiceDraftedEvent;
import com.firmos.api.messages.revenue.InvoiceIssuedEvent;
import com.firmos.api.messages.revenue.InvoiceLinesAddedEvent;
import com.firmos.api.messages.revenue.InvoiceOverdueEvent;
import com.firmos.api.messages.revenue.InvoicePaidEvent;
import com.firmos.api.messages.revenue.InvoiceScheduleCreatedEvent;
import com.firmos.api.messages.revenue.InvoiceScheduleEndedEvent;
import com.firmos.api.messages.revenue.InvoiceScheduleTerms;
import com.firmos.api.messages.revenue.InvoiceViewedEvent;
import com.firmos.api.messages.revenue.PaymentRecordedEvent;
import com.firmos.api.messages.revenue.ScheduledInvoiceDueEvent;
import com.firmos.api.messages.revenue.TimeEntryBilledEvent;
import com.firmos.api.messages.revenue.TimeEntryCorrectedEvent;
import com.firmos.api.messages.revenue.TimeEntryDeletedEvent;
import com.firmos.api.messages.revenue.TimeEntryDetails;
import com.firmos.api.messages.revenue.TimeEntryLoggedEvent;
import com.firmos.query.ProjectionTables;

import tools.jackson.databind.ObjectMapper;

/**
 * Builds {@code invoice}, {@code invoice_payment}, {@code time_entry} and {@code invoice_schedule}. Each
 * aggregate's events are handled in order; rows carry the version they reflect, and a payment adds to the paid
 * amount only when its row is new.
 * Queries live beside it in {@link RevenueQueries}.
 */
@Component
@ProcessingGroup(RevenueProjector.PROCESSING_GROUP)
public class RevenueProjector implements ProjectionTables {

    public static final String PROCESSING_GROUP = "revenue";
    private static final List<String> TABLES = List.of("invoice_schedule", "time_entry", "invoice_payment", "invoice");

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    RevenueProjector(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(InvoiceDraftedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        InvoiceDraft draft = event.draft();
        jdbc.sql("""
                INSERT INTO invoice (id, organization_id, client_id, engagement_id, status, lines, total, due_date,
                    recipient_stakeholder_id, notes, version, created_at)
                VALUES (:id, :org, :client, :engagement, 'draft', CAST(:lines AS jsonb), :total, :due, :recipient,
                    :notes, :version, :at)
                ON CONFLICT (organization_id, id) DO NOTHING""")
                .param("id", event.invoiceId()).param("org", event.organizationId())
                .param("client", draft.clientId()).param("engagement", draft.engagementId())
                .param("lines", json.writeValueAsString(draft.lines())).param("total", event.total())
                .param("due", draft.dueDate()).param("recipient", draft.recipientStakeholderId())
                .param("notes", draft.notes()).param("version", version).param("at", utc(at))
                .update();
    }

    @EventHandler
    void on(InvoiceDraftEditedEvent event, @SequenceNumber long version) {
        InvoiceDraft draft = event.draft();
        jdbc.sql("""
                UPDATE invoice SET engagement_id = :engagement, lines = CAST(:lines AS jsonb), total = :total,
                    due_date = :due, recipient_stakeholder_id = :recipient, notes = :notes, version = :version
                WHERE organization_id = :org AND id = :id AND version < :version""")
                .param("engagement", draft.engagementId()).param("lines", json.writeValueAsString(draft.lines()))
                .param("total", event.total()).param("due", draft.dueDate())
                .param("recipient", draft.recipientStakeholderId()).param("notes", draft.notes())
                .param("version", version).param("org", event.organizationId()).param("id", event.invoiceId())
                .update();
    }

    @EventHandler
    void on(InvoiceIssuedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.sql("""
                UPDATE invoice SET status = 'sent', number = :number, sequence = :sequence, issued_on = :issued,
                    version = :version
                WHERE organization_id = :org AND id = :id AND version < :version""")
                .param("number", event.number()).param("sequence", event.sequence())
                .param("issued", LocalDate.ofInstant(at, ZoneOffset.UTC)).param("version", version)
                .param("org", event.organizationId()).param("id", event.invoiceId())
                .update();
    }

    @EventHandler
    void on(InvoiceViewedEvent event, @SequenceNumber long version) {
        status(event.organizationId(), event.invoiceId(), "viewed", version);
    }

    @EventHandler
    void on(InvoiceOverdueEvent event, @SequenceNumber long version) {
        status(event.organizationId(), event.invoiceId(), "overdue", version);
    }

    @EventHandler
    void on(InvoicePaidEvent event, @SequenceNumber long version) {
        status(event.organizationId(), event.invoiceId(), "paid", version);
    }

    @EventHandler
    void on(InvoiceCancelledEvent event, @SequenceNumber long version) {
        status(event.organizationId(), event.invoiceId(), "cancelled", version);
    }

    @EventHandler
    void on(PaymentRecordedEvent event, @SequenceNumber long version) {
        boolean inserted = jdbc.sql("""
                INSERT INTO invoice_payment (payment_id, invoice_id, organization_id, client_id, amount, paid_on,
                    method, reference)
                VALUES (:payment, :invoice, :org, :client, :amount, :paidOn, :method, :reference)
                ON CONFLICT (organization_id, invoice_id, payment_id) DO NOTHING
                RETURNING 1""")
                .param("payment", event.paymentId()).param("invoice", event.invoiceId())
                .param("org", event.organizationId()).param("client", event.clientId())
                .param("amount", event.amount()).param("paidOn", event.paidOn()).param("method", event.method())
                .param("reference", event.reference())
                .query(Integer.class).optional().isPresent();
        if (inserted) {
            jdbc.sql("""
                    UPDATE invoice SET paid = paid + :amount, version = :version
                    WHERE organization_id = :org AND id = :id""")
                    .param("amount", event.amount()).param("version", version).param("org", event.organizationId())
                    .param("id", event.invoiceId())
                    .update();
        }
    }

    @EventHandler
    void on(InvoiceLinesAddedEvent event, @SequenceNumber long version) {
        jdbc.sql("""
                UPDATE invoice SET lines = lines || CAST(:lines AS jsonb), total = :total, version = :version
                WHERE organization_id = :org AND id = :id AND version < :version""")
                .param("lines", json.writeValueAsString(event.lines())).param("total", event.total())
                .param("version", version).param("org", event.organizationId()).param("id", event.invoiceId())
                .update();
    }

    @EventHandler
    void on(TimeEntryLoggedEvent event, @SequenceNumber long version) {
        TimeEntryDetails details = event.details();
        jdbc.sql("""
                INSERT INTO time_entry (id, organization_id, engagement_id, user_id, project_id, task_id, hours,
                    worked_on, billable, note, version)
                VALUES (:id, :org, :engagement, :user, :project, :task, :hours, :workedOn, :billable, :note,
                    :version)
                ON CONFLICT (organization_id, id) DO NOTHING""")
                .param("id", event.timeEntryId()).param("org", event.organizationId())
                .param("engagement", event.engagementId()).param("user", details.userId())
                .param("project", details.projectId()).param("task", details.taskId())
                .param("hours", details.hours()).param("workedOn", details.workedOn())
                .param("billable", details.billable()).param("note", details.note()).param("version", version)
                .update();
    }

    @EventHandler
    void on(TimeEntryCorrectedEvent event, @SequenceNumber long version) {
        TimeEntryDetails details = event.details();
        jdbc.sql("""
                UPDATE time_entry SET user_id = :user, project_id = :project, task_id = :task, hours = :hours,
                    worked_on = :workedOn, billable = :billable, note = :note, version = :version
                WHERE organization_id = :org AND id = :id AND version < :version""")
                .param("user", details.userId()).param("project", details.projectId())
                .param("task", details.taskId()).param("hours", details.hours())
                .param("workedOn", details.workedOn()).param("billable", details.billable())
                .param("note", details.note()).param("version", version).param("org", event.organizationId())
                .param("id", event.timeEntryId())
                .update();
    }

    @EventHandler
    void on(TimeEntryDeletedEvent event) {
        jdbc.sql("DELETE FROM time_entry WHERE organization_id = :org AND id = :id")
                .param("org", event.organizationId()).param("id", event.timeEntryId()).update();
    }

    @EventHandler
    void on(TimeEntryBilledEvent event, @SequenceNumber long version) {
        jdbc.sql("""
                UPDATE time_entry SET invoice_id = :invoice, version = :version
                WHERE organization_id = :org AND id = :id AND version < :version""")
                .param("invoice", event.invoiceId()).param("version", version).param("org", event.organizationId())
                .param("id", event.timeEntryId())
                .update();
    }

    @EventHandler
    void on(InvoiceScheduleCreatedEvent event, @SequenceNumber long version) {
        InvoiceScheduleTerms terms = event.terms();
        jdbc.sql("""
                INSERT INTO invoice_schedule (id, organization_id, client_id, engagement_id, cadence, day_of_month,
                    start_on, end_on, next_on, version)
                VALUES (:id, :org, :client, :engagement, :cadence, :day, :start, :end, :next, :version)
                ON CONFLICT (organization_id, id) DO NOTHING""")
                .param("id", event.scheduleId()).param("org", event.organizationId())
                .param("client", terms.clientId()).param("engagement", terms.engagementId())
                .param("cadence", wire(terms.cadence())).param("day", terms.dayOfMonth())
                .param("start", terms.startOn()).param("end", terms.endOn()).param("next", event.firstOn())
                .param("version", version)
                .update();
    }

    @EventHandler
    void on(ScheduledInvoiceDueEvent event, @SequenceNumber long version) {
        jdbc.sql("""
                UPDATE invoice_schedule SET last_drafted_on = :period, next_on = :next, drafted = drafted + 1,
                    version = :version
                WHERE organization_id = :org AND id = :id AND version < :version""")
                .param("period", event.periodOn()).param("next", event.nextOn()).param("version", version)
                .param("org", event.organizationId()).param("id", event.scheduleId())
                .update();
    }

    @EventHandler
    void on(InvoiceScheduleEndedEvent event, @SequenceNumber long version) {
        jdbc.sql("""
                UPDATE invoice_schedule SET next_on = NULL, version = :version
                WHERE organization_id = :org AND id = :id AND version < :version""")
                .param("version", version).param("org", event.organizationId()).param("id", event.scheduleId())
                .update();
    }

    @ResetHandler
    void reset() {
        clearTables(jdbc);
    }

    @Override
    public String processingGroup() {
        return PROCESSING_GROUP;
    }

    @Override
    public List<String> tables() {
        return TABLES;
    }

    private void status(String organizationId, UUID invoiceId, String status, long version) {
        jdbc.sql("""
                UPDATE invoice SET status = :status, version = :version
                WHERE organization_id = :org AND id = :id AND version < :version""")
                .param("status", status).param("version", version).param("org", organizationId)
                .param("id", invoiceId)
                .update();
    }
}
