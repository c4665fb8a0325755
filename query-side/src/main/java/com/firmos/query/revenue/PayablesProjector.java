package com.firmos.query.revenue;

import static com.firmos.query.Jdbc.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.firmos.api.messages.crm.Sealed;
import com.firmos.api.messages.revenue.BillApprovedEvent;
import com.firmos.api.messages.revenue.BillCancelledEvent;
import com.firmos.api.messages.revenue.BillPaidEvent;
import com.firmos.api.messages.revenue.BillRecordedEvent;
import com.firmos.api.messages.revenue.BillRejectedEvent;
import com.firmos.api.messages.revenue.VendorContactErasedEvent;
import com.firmos.api.messages.revenue.VendorRegisteredEvent;
import com.firmos.query.ProjectionTables;

/**
 * Builds {@code vendor} and {@code bill}. Each bill's events arrive in order (per aggregate); a row carries the
 * version it reflects so a redelivered event changes nothing. Queries live beside it in {@link PayablesQueries}.
 */
@Component
@ProcessingGroup(PayablesProjector.PROCESSING_GROUP)
public class PayablesProjector implements ProjectionTables {

    public static final String PROCESSING_GROUP = "payables";
    private static final List<String> TABLES = List.of("bill", "vendor");

    private final JdbcClient jdbc;

    PayablesProjector(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(VendorRegisteredEvent event) {
        jdbc.sql("""
                INSERT INTO vendor (id, organization_id, name, email_sealed, phone_sealed)
                VALUES (:id, :org, :name, :email, :phone)
                ON CONFLICT (organization_id, id) DO NOTHING""")
                .param("id", event.vendorId()).param("org", event.organizationId()).param("name", event.name())
                .param("email", ciphertext(event.email())).param("phone", ciphertext(event.phone()))
                .update();
    }

    /** The ciphertext goes too: the vendor's key is deleted after this event, a rebuild shows nothing anyway. */
    @EventHandler
    void on(VendorContactErasedEvent event, @Timestamp Instant at) {
        jdbc.sql("""
                UPDATE vendor SET email_sealed = NULL, phone_sealed = NULL, contact_erased_at = :at
                WHERE organization_id = :org AND id = :id""")
                .param("org", event.organizationId()).param("id", event.vendorId()).param("at", utc(at)).update();
    }

    private static String ciphertext(Sealed sealed) {
        return sealed == null ? null : sealed.ciphertext();
    }

    @EventHandler
    void on(BillRecordedEvent event, @SequenceNumber long version) {
        jdbc.sql("""
                INSERT INTO bill (id, organization_id, vendor_id, engagement_id, reference, amount, due_date,
                    description, status, version)
                VALUES (:id, :org, :vendor, :engagement, :reference, :amount, :due, :description, 'pending',
                    :version)
                ON CONFLICT (organization_id, id) DO NOTHING""")
                .param("id", event.billId()).param("org", event.organizationId()).param("vendor", event.vendorId())
                .param("engagement", event.engagementId()).param("reference", event.vendorReference())
                .param("amount", event.amount()).param("due", event.dueDate())
                .param("description", event.description()).param("version", version)
                .update();
    }

    @EventHandler
    void on(BillApprovedEvent event, @SequenceNumber long version) {
        move(event.organizationId(), event.billId(), "approved", null, null, version);
    }

    @EventHandler
    void on(BillRejectedEvent event, @SequenceNumber long version) {
        move(event.organizationId(), event.billId(), "rejected", null, event.reason(), version);
    }

    @EventHandler
    void on(BillPaidEvent event, @SequenceNumber long version) {
        move(event.organizationId(), event.billId(), "paid", event.paidOn(), null, version);
    }

    @EventHandler
    void on(BillCancelledEvent event, @SequenceNumber long version) {
        move(event.organizationId(), event.billId(), "cancelled", null, event.reason(), version);
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

    private void move(String organizationId, UUID billId, String status, LocalDate paidOn, String reason,
            long version) {
        jdbc.sql("""
                UPDATE bill SET status = :status, paid_on = coalesce(:paidOn, paid_on),
                    reason = coalesce(:reason, reason), version = :version
                WHERE organization_id = :org AND id = :id AND version < :version""")
                .param("org", organizationId)
                .param("status", status).param("paidOn", paidOn).param("reason", reason).param("version", version)
                .param("id", billId)
                .update();
    }
}
