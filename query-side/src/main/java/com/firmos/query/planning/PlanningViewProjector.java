package com.firmos.query.planning;

import static com.firmos.query.WireValues.parse;
import static com.firmos.query.WireValues.wire;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.firmos.api.messages.activity.ActivityCreatedEvent;
import com.firmos.api.messages.activity.ActivityDetails;
import com.firmos.api.messages.activity.ActivityDetailsEditedEvent;
import com.firmos.api.messages.activity.ActivityStatus;
import com.firmos.api.messages.activity.ActivityStatusChangedEvent;
import com.firmos.api.messages.activity.ActivitySuggestionDismissedEvent;
import com.firmos.api.messages.activity.ActivityView;
import com.firmos.api.messages.activity.FindActivityQuery;
import com.firmos.api.messages.activity.FindPlanningViewQuery;
import com.firmos.api.messages.activity.PlanningBucket;
import com.firmos.api.messages.activity.PlanningView;
import com.firmos.api.messages.activity.PlaybookPhase;
import com.firmos.api.messages.activity.TimeBucket;
import com.firmos.query.WireValues;

/**
 * Builds {@code planning_activity}, the Living Playbook board. Every write is guarded by the aggregate
 * sequence number, so a redelivered or replayed event never moves a row backwards.
 */
@Component
@ProcessingGroup(PlanningViewProjector.PROCESSING_GROUP)
public class PlanningViewProjector {

    public static final String PROCESSING_GROUP = "planning-view";

    private static final String COLUMNS = """
            id, organization_id, engagement_id, title, description, icon, icon_color, status, phase,
            time_bucket, scheduled_date, due_date, order_index, completed_at, completed_by, version,
            created_at, updated_at""";

    private final JdbcClient jdbc;

    public PlanningViewProjector(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ActivityCreatedEvent event, @SequenceNumber long version,
            @Timestamp Instant at) {
        ActivityDetails details = event.details();
        jdbc.sql("""
                INSERT INTO planning_activity (id, organization_id, engagement_id, title, description, icon,
                    icon_color, status, phase, time_bucket, scheduled_date, due_date, order_index, version,
                    created_at, updated_at)
                VALUES (:id, :org, :engagement, :title, :description, :icon, :iconColor, :status, :phase,
                    :bucket, :scheduled, :due, :orderIndex, :version, :at, :at)
                ON CONFLICT (id) DO NOTHING""")
                .param("id", event.activityId())
                .param("org", event.organizationId())
                .param("engagement", event.engagementId())
                .param("status", wire(event.status()))
                .params(detailParams(details, version, at))
                .update();
    }

    @EventHandler
    void on(ActivityDetailsEditedEvent event, @SequenceNumber long version,
            @Timestamp Instant at) {
        jdbc.sql("""
                UPDATE planning_activity SET title = :title, description = :description, icon = :icon,
                    icon_color = :iconColor, phase = :phase, time_bucket = :bucket, scheduled_date = :scheduled,
                    due_date = :due, order_index = :orderIndex, version = :version, updated_at = :at
                WHERE id = :id AND version < :version""")
                .param("id", event.activityId())
                .params(detailParams(event.details(), version, at))
                .update();
    }

    @EventHandler
    void on(ActivityStatusChangedEvent event, @SequenceNumber long version,
            @Timestamp Instant at) {
        jdbc.sql("""
                UPDATE planning_activity SET status = :status, completed_at = :completedAt,
                    completed_by = :completedBy, version = :version, updated_at = :at
                WHERE id = :id AND version < :version""")
                .param("id", event.activityId())
                .param("status", wire(event.newStatus()))
                .param("completedAt", timestamp(event.completedAt()))
                .param("completedBy", event.completedBy())
                .param("version", version)
                .param("at", timestamp(at))
                .update();
    }

    @EventHandler
    void on(ActivitySuggestionDismissedEvent event) {
        jdbc.sql("DELETE FROM planning_activity WHERE id = :id").param("id", event.activityId()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM planning_activity").update();
    }

    @QueryHandler
    ActivityView handle(FindActivityQuery query) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM planning_activity WHERE id = :id AND organization_id = :org")
                .param("id", query.activityId())
                .param("org", query.organizationId())
                .query(PlanningViewProjector::toView)
                .optional()
                .orElse(null);
    }

    @QueryHandler
    PlanningView handle(FindPlanningViewQuery query) {
        List<ActivityView> activities = jdbc.sql("SELECT " + COLUMNS + """
                 FROM planning_activity
                WHERE organization_id = :org AND engagement_id = :engagement
                  AND (cardinality(:phases::text[]) = 0 OR phase = ANY(:phases::text[]))
                  AND (cardinality(:statuses::text[]) = 0 OR status = ANY(:statuses::text[]))
                ORDER BY order_index, created_at, id""")
                .param("org", query.organizationId())
                .param("engagement", query.engagementId())
                .param("phases", wireArray(query.phases()))
                .param("statuses", wireArray(query.statuses()))
                .query(PlanningViewProjector::toView)
                .list();
        Map<TimeBucket, List<ActivityView>> byBucket = new EnumMap<>(TimeBucket.class);
        Arrays.stream(TimeBucket.values()).forEach(bucket -> byBucket.put(bucket, new ArrayList<>()));
        activities.forEach(activity -> byBucket.get(activity.timeBucket()).add(activity));
        return new PlanningView(query.engagementId(), byBucket.entrySet().stream()
                .map(entry -> new PlanningBucket(entry.getKey(), List.copyOf(entry.getValue())))
                .toList());
    }

    private static Map<String, Object> detailParams(ActivityDetails details, long version, Instant at) {
        Map<String, Object> params = new HashMap<>();
        params.put("title", details.title());
        params.put("description", details.description());
        params.put("icon", details.icon());
        params.put("iconColor", details.iconColor());
        params.put("phase", wire(details.phase()));
        params.put("bucket", wire(details.timeBucket()));
        params.put("scheduled", details.scheduledDate());
        params.put("due", details.dueDate());
        params.put("orderIndex", details.orderIndex());
        params.put("version", version);
        params.put("at", timestamp(at));
        return params;
    }

    private static String[] wireArray(Set<? extends Enum<?>> values) {
        return values == null ? new String[0] : values.stream().map(WireValues::wire).toArray(String[]::new);
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static ActivityView toView(ResultSet rs, int row) throws SQLException {
        return new ActivityView(
                rs.getObject("id", UUID.class),
                rs.getString("organization_id"),
                rs.getObject("engagement_id", UUID.class),
                rs.getString("title"),
                rs.getString("description"),
                rs.getString("icon"),
                rs.getString("icon_color"),
                parse(ActivityStatus.class, rs.getString("status")),
                parse(PlaybookPhase.class, rs.getString("phase")),
                parse(TimeBucket.class, rs.getString("time_bucket")),
                rs.getObject("scheduled_date", LocalDate.class),
                rs.getObject("due_date", LocalDate.class),
                rs.getInt("order_index"),
                instant(rs, "completed_at"),
                rs.getString("completed_by"),
                rs.getLong("version"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }
}
