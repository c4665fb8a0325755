package com.firmos.query.revenue;

import static com.firmos.query.Jdbc.textArray;
import static com.firmos.query.Jdbc.uuid;
import static com.firmos.query.WireValues.parse;
import static com.firmos.query.WireValues.wire;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.firmos.api.messages.revenue.AgeingBuckets;
import com.firmos.api.messages.revenue.ClientAgeing;
import com.firmos.api.messages.revenue.FindInvoiceQuery;
import com.firmos.api.messages.revenue.FindInvoiceSchedulesQuery;
import com.firmos.api.messages.revenue.FindInvoicesQuery;
import com.firmos.api.messages.revenue.FindReceivablesAgeingQuery;
import com.firmos.api.messages.revenue.FindRevenueQuery;
import com.firmos.api.messages.revenue.InvoiceCadence;
import com.firmos.api.messages.revenue.InvoiceList;
import com.firmos.api.messages.revenue.InvoiceScheduleList;
import com.firmos.api.messages.revenue.InvoiceScheduleView;
import com.firmos.api.messages.revenue.InvoiceStatus;
import com.firmos.api.messages.revenue.InvoiceView;
import com.firmos.api.messages.revenue.LineItem;
import com.firmos.api.messages.revenue.PaymentView;
import com.firmos.api.messages.revenue.Revenue;
import com.firmos.api.messages.revenue.RevenueMonth;
import com.firmos.api.messages.revenue.ReceivablesAgeing;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Invoices, receivables ageing (judged on the day of the query) and revenue by client and month. */
@Component
class RevenueQueries {

    private static final TypeReference<List<LineItem>> LINES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    RevenueQueries(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @QueryHandler
    InvoiceView handle(FindInvoiceQuery query) {
        return jdbc.sql("SELECT * FROM invoice WHERE id = :id AND organization_id = :org")
                .param("id", query.invoiceId()).param("org", query.organizationId())
                .query((rs, n) -> invoice(rs, payments(query.organizationId(), uuid(rs, "id"))))
                .optional().orElse(null);
    }

    @QueryHandler
    InvoiceList handle(FindInvoicesQuery query) {
        List<InvoiceView> invoices = jdbc.sql("""
                SELECT * FROM invoice
                WHERE organization_id = :org
                  AND (cardinality(CAST(:statuses AS text[])) = 0 OR status = ANY(CAST(:statuses AS text[])))
                  AND (CAST(:client AS uuid) IS NULL OR client_id = :client)
                  AND (CAST(:engagement AS uuid) IS NULL OR engagement_id = :engagement)
                  AND (CAST(:from AS date) IS NULL OR due_date >= :from)
                  AND (CAST(:to AS date) IS NULL OR due_date <= :to)
                ORDER BY sequence NULLS LAST, created_at, id""")
                .param("org", query.organizationId())
                .param("statuses", textArray(query.statuses() == null ? List.of()
                        : query.statuses().stream().map(status -> wire(status)).toList()))
                .param("client", query.clientId()).param("engagement", query.engagementId())
                .param("from", query.dueFrom()).param("to", query.dueTo())
                .query((rs, n) -> invoice(rs, List.of()))
                .list();
        // A list item carries what the invoice's own read carries: its payments, read for the whole page at once.
        Map<UUID, List<PaymentView>> payments = payments(query.organizationId(),
                invoices.stream().map(InvoiceView::id).toList());
        return new InvoiceList(invoices.stream()
                .map(invoice -> invoice.withPayments(payments.getOrDefault(invoice.id(), List.of()))).toList());
    }

    /** Open balances (sent, viewed, overdue) by days past due: current, 1-30, 31-60, 61-90, over 90. */
    @QueryHandler
    ReceivablesAgeing handle(FindReceivablesAgeingQuery query) {
        LocalDate today = LocalDate.now(clock);
        Map<UUID, BigDecimal[]> byClient = new LinkedHashMap<>();
        BigDecimal[] totals = zeros();
        jdbc.sql("""
                SELECT client_id, due_date, total - paid AS balance FROM invoice
                WHERE organization_id = :org AND status IN ('sent', 'viewed', 'overdue') AND total > paid
                ORDER BY client_id""")
                .param("org", query.organizationId())
                .query(rs -> {
                    long overdue = ChronoUnit.DAYS.between(rs.getObject("due_date", LocalDate.class), today);
                    int bucket = overdue <= 0 ? 0 : overdue <= 30 ? 1 : overdue <= 60 ? 2 : overdue <= 90 ? 3 : 4;
                    BigDecimal balance = rs.getBigDecimal("balance");
                    BigDecimal[] client = byClient.computeIfAbsent(uuid(rs, "client_id"), id -> zeros());
                    client[bucket] = client[bucket].add(balance);
                    totals[bucket] = totals[bucket].add(balance);
                });
        return new ReceivablesAgeing(byClient.entrySet().stream()
                .map(entry -> new ClientAgeing(entry.getKey(), buckets(entry.getValue()))).toList(), buckets(totals));
    }

    /** Issued: invoices by month of issue (cancelled ones left out); collected: payments by month received. */
    @QueryHandler
    Revenue handle(FindRevenueQuery query) {
        return new Revenue(jdbc.sql("""
                SELECT client_id, month, sum(issued) AS issued, sum(collected) AS collected FROM (
                    SELECT client_id, to_char(issued_on, 'YYYY-MM') AS month, total AS issued, 0 AS collected
                    FROM invoice WHERE organization_id = :org AND issued_on IS NOT NULL AND status <> 'cancelled'
                      AND (CAST(:from AS date) IS NULL OR issued_on >= :from)
                      AND (CAST(:to AS date) IS NULL OR issued_on <= :to)
                    UNION ALL
                    SELECT client_id, to_char(paid_on, 'YYYY-MM'), 0, amount
                    FROM invoice_payment WHERE organization_id = :org
                      AND (CAST(:from AS date) IS NULL OR paid_on >= :from)
                      AND (CAST(:to AS date) IS NULL OR paid_on <= :to)) entries
                GROUP BY client_id, month ORDER BY month, client_id""")
                .param("org", query.organizationId()).param("from", query.from()).param("to", query.to())
                .query((rs, n) -> new RevenueMonth(uuid(rs, "client_id"), rs.getString("month"),
                        rs.getBigDecimal("issued"), rs.getBigDecimal("collected")))
                .list());
    }

    @QueryHandler
    InvoiceScheduleList handle(FindInvoiceSchedulesQuery query) {
        return new InvoiceScheduleList(jdbc.sql(
                        "SELECT * FROM invoice_schedule WHERE organization_id = :org ORDER BY start_on, id")
                .param("org", query.organizationId())
                .query((rs, n) -> new InvoiceScheduleView(uuid(rs, "id"), uuid(rs, "client_id"),
                        uuid(rs, "engagement_id"), parse(InvoiceCadence.class, rs.getString("cadence")),
                        rs.getInt("day_of_month"), rs.getObject("start_on", LocalDate.class),
                        rs.getObject("end_on", LocalDate.class), rs.getObject("last_drafted_on", LocalDate.class),
                        rs.getObject("next_on", LocalDate.class), rs.getInt("drafted"),
                        rs.getObject("next_on") != null))
                .list());
    }

    private List<PaymentView> payments(String organization, UUID invoiceId) {
        return payments(organization, List.of(invoiceId)).getOrDefault(invoiceId, List.of());
    }

    private Map<UUID, List<PaymentView>> payments(String organization, List<UUID> invoiceIds) {
        Map<UUID, List<PaymentView>> payments = new HashMap<>();
        if (invoiceIds.isEmpty()) {
            return payments;
        }
        jdbc.sql("""
                SELECT * FROM invoice_payment
                WHERE organization_id = :org AND invoice_id = ANY(CAST(:ids AS uuid[]))
                ORDER BY paid_on, payment_id""")
                .param("org", organization).param("ids", textArray(invoiceIds))
                .query(rs -> {
                    payments.computeIfAbsent(uuid(rs, "invoice_id"), absent -> new ArrayList<>()).add(payment(rs));
                });
        return payments;
    }

    private static PaymentView payment(ResultSet rs) throws SQLException {
        return new PaymentView(uuid(rs, "payment_id"), rs.getBigDecimal("amount"),
                rs.getObject("paid_on", LocalDate.class), rs.getString("method"), rs.getString("reference"));
    }

    private InvoiceView invoice(ResultSet rs, List<PaymentView> payments) throws SQLException {
        BigDecimal total = rs.getBigDecimal("total");
        BigDecimal paid = rs.getBigDecimal("paid");
        InvoiceStatus status = parse(InvoiceStatus.class, rs.getString("status"));
        BigDecimal balance = status == InvoiceStatus.CANCELLED ? BigDecimal.ZERO.setScale(2) : total.subtract(paid);
        return new InvoiceView(uuid(rs, "id"), uuid(rs, "client_id"), uuid(rs, "engagement_id"),
                rs.getString("number"), status, json.readValue(rs.getString("lines"), LINES), total, paid, balance,
                rs.getObject("due_date", LocalDate.class), rs.getObject("issued_on", LocalDate.class),
                uuid(rs, "recipient_stakeholder_id"), rs.getString("notes"), payments, rs.getLong("version"));
    }

    private static BigDecimal[] zeros() {
        BigDecimal[] buckets = new BigDecimal[5];
        java.util.Arrays.fill(buckets, BigDecimal.ZERO.setScale(2));
        return buckets;
    }

    private static AgeingBuckets buckets(BigDecimal[] values) {
        BigDecimal total = java.util.Arrays.stream(values).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new AgeingBuckets(values[0], values[1], values[2], values[3], values[4], total);
    }
}
