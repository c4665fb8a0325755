package com.firmos.query.revenue;

import static com.firmos.query.Jdbc.uuid;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.firmos.api.messages.revenue.FindTimeEntryQuery;
import com.firmos.api.messages.revenue.FindUnbilledHoursQuery;
import com.firmos.api.messages.revenue.TimeEntryView;
import com.firmos.api.messages.revenue.UnbilledHours;

/** Time entries from {@code time_entry}, which {@link RevenueProjector} builds. */
@Component
class TimeEntryQueries {

    private final JdbcClient jdbc;

    TimeEntryQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    TimeEntryView handle(FindTimeEntryQuery query) {
        return jdbc.sql("SELECT * FROM time_entry WHERE id = :id AND organization_id = :org")
                .param("id", query.timeEntryId()).param("org", query.organizationId())
                .query((rs, n) -> entry(rs))
                .optional().orElse(null);
    }

    @QueryHandler
    UnbilledHours handle(FindUnbilledHoursQuery query) {
        List<TimeEntryView> entries = jdbc.sql("""
                SELECT * FROM time_entry
                WHERE organization_id = :org AND engagement_id = :engagement AND billable AND invoice_id IS NULL
                ORDER BY worked_on, user_id, id""")
                .param("org", query.organizationId()).param("engagement", query.engagementId())
                .query((rs, n) -> entry(rs))
                .list();
        BigDecimal hours = entries.stream().map(TimeEntryView::hours).reduce(BigDecimal.ZERO.setScale(2),
                BigDecimal::add);
        return new UnbilledHours(query.engagementId(), hours, entries);
    }

    private static TimeEntryView entry(ResultSet rs) throws SQLException {
        return new TimeEntryView(uuid(rs, "id"), uuid(rs, "engagement_id"), rs.getString("user_id"),
                uuid(rs, "project_id"), uuid(rs, "task_id"), rs.getBigDecimal("hours"),
                rs.getObject("worked_on", LocalDate.class), rs.getBoolean("billable"), rs.getString("note"),
                uuid(rs, "invoice_id"));
    }
}
