package com.firmos.query.revenue;

import static com.firmos.query.Jdbc.utc;

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
import com.firmos.api.messages.revenue.InvoiceOverdueEvent;
import com.firmos.api.messages.revenue.InvoicePaidEvent;
import com.firmos.api.messages.revenue.InvoiceViewedEvent;
import com.firmos.api.messages.revenue.PaymentRecordedEvent;

import tools.jackson.databind.ObjectMapper;

/**
 * Builds {@code invoice} and {@code invoice_payment}. Each invoice's events are handled in order (per aggregate);
 * rows carry the version they reflect, and a payment adds to the paid amount only when its row is new.
 * Queries live beside it in {@link RevenueQueries}.
 */
@Component
@ProcessingGroup(RevenueProjector.PROCESSING_GROUP)
public class RevenueProjector {

    public static final String PROCESSING_GROUP = "revenue";

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
                ON CONFLICT (id) DO NOTHING""")
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
                WHERE id = :id AND version < :version""")
                .param("engagement", draft.engagementId()).param("lines", json.writeValueAsString(draft.lines()))
                .param("total", event.total()).param("due", draft.dueDate())
                .param("recipient", draft.recipientStakeholderId()).param("notes", draft.notes())
                .param("version", version).param("id", event.invoiceId())
                .update();
    }

    @EventHandler
    void on(InvoiceIssuedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.sql("""
                UPDATE invoice SET status = 'sent', number = :number, sequence = :sequence, issued_on = :issued,
                    version = :version
                WHERE id = :id AND version < :version""")
                .param("number", event.number()).param("sequence", event.sequence())
                .param("issued", LocalDate.ofInstant(at, ZoneOffset.UTC)).param("version", version)
                .param("id", event.invoiceId())
                .update();
    }

    @EventHandler
    void on(InvoiceViewedEvent event, @SequenceNumber long version) {
        status(event.invoiceId(), "viewed", version);
    }

    @EventHandler
    void on(InvoiceOverdueEvent event, @SequenceNumber long version) {
        status(event.invoiceId(), "overdue", version);
    }

    @EventHandler
    void on(InvoicePaidEvent event, @SequenceNumber long version) {
        status(event.invoiceId(), "paid", version);
    }

    @EventHandler
    void on(InvoiceCancelledEvent event, @SequenceNumber long version) {
        status(event.invoiceId(), "cancelled", version);
    }

    @EventHandler
    void on(PaymentRecordedEvent event, @SequenceNumber long version) {
        int inserted = jdbc.sql("""
                INSERT INTO invoice_payment (payment_id, invoice_id, organization_id, client_id, amount, paid_on,
                    method, reference)
                VALUES (:payment, :invoice, :org, :client, :amount, :paidOn, :method, :reference)
                ON CONFLICT (payment_id) DO NOTHING""")
                .param("payment", event.paymentId()).param("invoice", event.invoiceId())
                .param("org", event.organizationId()).param("client", event.clientId())
                .param("amount", event.amount()).param("paidOn", event.paidOn()).param("method", event.method())
                .param("reference", event.reference())
                .update();
        if (inserted == 1) {
            jdbc.sql("UPDATE invoice SET paid = paid + :amount, version = :version WHERE id = :id")
                    .param("amount", event.amount()).param("version", version).param("id", event.invoiceId())
                    .update();
        }
    }

    @ResetHandler
    void reset() {
        for (String table : List.of("invoice_payment", "invoice")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }

    private void status(UUID invoiceId, String status, long version) {
        jdbc.sql("UPDATE invoice SET status = :status, version = :version WHERE id = :id AND version < :version")
                .param("status", status).param("version", version).param("id", invoiceId)
                .update();
    }
}
