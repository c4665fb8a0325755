package com.firmos.query.revenue;

import static com.firmos.query.Jdbc.instant;
import static com.firmos.query.Jdbc.textArray;
import static com.firmos.query.Jdbc.uuid;
import static com.firmos.query.WireValues.parse;
import static com.firmos.query.WireValues.wire;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.firmos.api.messages.crm.Sealed;
import com.firmos.api.messages.revenue.BillStatus;
import com.firmos.api.messages.revenue.BillView;
import com.firmos.api.messages.revenue.FindBillQuery;
import com.firmos.api.messages.revenue.FindPayablesQuery;
import com.firmos.api.messages.revenue.FindVendorQuery;
import com.firmos.api.messages.revenue.FindVendorsQuery;
import com.firmos.api.messages.revenue.Payables;
import com.firmos.api.messages.revenue.VendorList;
import com.firmos.api.messages.revenue.VendorView;

/** Vendors and bills from the tables {@link PayablesProjector} builds. */
@Component
class PayablesQueries {

    private static final String BILLS = """
            SELECT b.*, v.name AS vendor_name FROM bill b
            JOIN vendor v ON v.organization_id = b.organization_id AND v.id = b.vendor_id
            WHERE b.organization_id = :org""";

    private final JdbcClient jdbc;

    PayablesQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    VendorList handle(FindVendorsQuery query) {
        return new VendorList(jdbc.sql("SELECT * FROM vendor WHERE organization_id = :org ORDER BY name, id")
                .param("org", query.organizationId())
                .query((rs, n) -> vendor(rs))
                .list());
    }

    @QueryHandler
    VendorView handle(FindVendorQuery query) {
        return jdbc.sql("SELECT * FROM vendor WHERE organization_id = :org AND id = :id")
                .param("org", query.organizationId()).param("id", query.vendorId())
                .query((rs, n) -> vendor(rs))
                .optional().orElse(null);
    }

    private static VendorView vendor(ResultSet rs) throws SQLException {
        return new VendorView(uuid(rs, "id"), rs.getString("name"), sealed(rs, "email_sealed"),
                sealed(rs, "phone_sealed"), instant(rs, "contact_erased_at"));
    }

    @QueryHandler
    BillView handle(FindBillQuery query) {
        return jdbc.sql(BILLS + " AND b.id = :id")
                .param("org", query.organizationId()).param("id", query.billId())
                .query((rs, n) -> bill(rs))
                .optional().orElse(null);
    }

    @QueryHandler
    Payables handle(FindPayablesQuery query) {
        List<BillView> bills = jdbc.sql(BILLS + """

                  AND (cardinality(CAST(:statuses AS text[])) = 0 OR b.status = ANY(CAST(:statuses AS text[])))
                  AND (CAST(:from AS date) IS NULL OR b.due_date >= :from)
                  AND (CAST(:to AS date) IS NULL OR b.due_date <= :to)
                ORDER BY b.due_date, b.id""")
                .param("org", query.organizationId())
                .param("statuses", textArray(query.statuses() == null ? List.of()
                        : query.statuses().stream().map(status -> wire(status)).toList()))
                .param("from", query.dueFrom()).param("to", query.dueTo())
                .query((rs, n) -> bill(rs))
                .list();
        BigDecimal outstanding = bills.stream()
                .filter(bill -> bill.status() == BillStatus.PENDING || bill.status() == BillStatus.APPROVED)
                .map(BillView::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new Payables(bills, outstanding);
    }

    private static BillView bill(ResultSet rs) throws SQLException {
        return new BillView(uuid(rs, "id"), uuid(rs, "vendor_id"), rs.getString("vendor_name"),
                uuid(rs, "engagement_id"), rs.getString("reference"), rs.getBigDecimal("amount"),
                rs.getObject("due_date", LocalDate.class), rs.getString("description"),
                parse(BillStatus.class, rs.getString("status")), rs.getObject("paid_on", LocalDate.class),
                rs.getString("reason"));
    }

    /** Sealed under the vendor's own id. */
    private static Sealed sealed(ResultSet rs, String column) throws SQLException {
        String ciphertext = rs.getString(column);
        return ciphertext == null ? null : new Sealed(rs.getString("id"), ciphertext);
    }
}
