package com.firmos.query.timeline;

import static com.firmos.api.messages.MetadataKeys.CLIENT_IP;
import static com.firmos.api.messages.MetadataKeys.CORRELATION_ID;
import static com.firmos.api.messages.MetadataKeys.ORGANIZATION_ID;
import static com.firmos.api.messages.MetadataKeys.USER_AGENT;
import static com.firmos.api.messages.MetadataKeys.USER_ID;
import static com.firmos.api.messages.MetadataKeys.USER_NAME;
import static com.firmos.query.Jdbc.utc;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.firmos.api.messages.TenantScoped;
import com.firmos.api.messages.activity.ActivityCreatedEvent;
import com.firmos.api.messages.activity.ActivityStatus;
import com.firmos.api.messages.activity.ActivityStatusChangedEvent;
import com.firmos.api.messages.crm.Sealed;
import com.firmos.api.messages.timeline.FindPortalTimelineQuery;
import com.firmos.api.messages.timeline.FindTimelineQuery;
import com.firmos.api.messages.timeline.RequestContext;
import com.firmos.api.messages.timeline.TimelineEntry;
import com.firmos.api.messages.timeline.TimelinePage;
import com.firmos.platform.eventstore.StoredEvents;
import com.firmos.platform.processing.BulkReplay;
import com.firmos.platform.processing.SetWrite;
import com.firmos.query.Jdbc;
import com.firmos.query.ProjectionTables;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;

/**
 * Turns every event in the store into one {@code timeline_entry}. The Stream, the Timeline and the audit log
 * are filters over this one table; the event id is the key, so redelivery inserts nothing twice.
 */
@Component
@ProcessingGroup(TimelineProjector.PROCESSING_GROUP)
public class TimelineProjector implements ProjectionTables {

    public static final String PROCESSING_GROUP = "timeline";
    private static final String[] CLIENT_VISIBLE = {"activity", "winning_move", "engagement", "project", "task",
        "conversation", "message"};
    private static final String[] INVOICE_SENT_EVENTS = {"invoice_issued", "invoice_viewed", "invoice_overdue",
        "invoice_paid", "payment_recorded"};
    private static final List<String> TABLES = List.of("timeline_entry", "timeline_suggestion");
    /**
     * The event's key (V33) and the page orders' indexes (V2): a rebuild inserts each event once and reads none of
     * them, so it builds them at its end.
     */
    private static final List<String> DEFERRED_INDEXES = List.of(
            "CREATE INDEX IF NOT EXISTS idx_timeline_entry_tenant"
                    + " ON timeline_entry (organization_id, occurred_at DESC, global_position DESC)",
            "CREATE INDEX IF NOT EXISTS idx_timeline_entry_engagement"
                    + " ON timeline_entry (organization_id, engagement_id, occurred_at DESC, global_position DESC)",
            "CREATE INDEX IF NOT EXISTS idx_timeline_entry_entity ON timeline_entry"
                    + " (organization_id, entity_type, entity_id, occurred_at DESC, global_position DESC)",
            "CREATE INDEX IF NOT EXISTS idx_timeline_entry_actor"
                    + " ON timeline_entry (organization_id, actor_id, occurred_at DESC, global_position DESC)",
            "CREATE UNIQUE INDEX IF NOT EXISTS uk_timeline_entry_event ON timeline_entry (organization_id, event_id)");
    // An allow-list: a value added to an event later stays with the staff until it is named here.
    private static final Set<String> CLIENT_VALUES = Set.of("status", "phase", "name", "title", "subject",
            "content", "description", "text", "comment_id", "resource_id", "winning_move_id", "completed",
            "time_bucket", "timeBucket", "position", "orderIndex", "icon", "iconColor", "scheduledDate", "dueDate",
            "completedAt", "scoreData", "priority", "effort", "milestone", "critical", "attachments", "role",
            "team", "outcome", "reason", "number", "total", "amount", "currency", "issuedAt", "paidAt", "lines");
    public static final int MAX_PAGE_SIZE = 200;

    private static final Logger LOG = LoggerFactory.getLogger(TimelineProjector.class);
    private static final TypeReference<Map<String, Object>> VALUES = new TypeReference<>() {
    };
    private static final String COLUMNS = """
            event_id, global_position, organization_id, engagement_id, entity_type, entity_id, event_type,
            actor_id, actor_name, occurred_at, old_value, new_value, comment, client_ip, user_agent,
            correlation_id, internal""";
    private static final String OWN_INDEX = StoredEvents.globalIndexOf("eventId");

    /** An entry is staff-only while its activity is a suggestion, unless its event says which it is. */
    private static final String INTERNAL = """
            :internal OR coalesce(:suggested, EXISTS (SELECT 1 FROM timeline_suggestion
                WHERE organization_id = :org AND activity_id = CAST(:activity AS uuid)))""";
    private static final String ENTRY_VALUES = """
            , :org, :engagement, :entityType, :entityId, :eventType, :actorId, :actorName, :at,
                :oldValue::jsonb, :newValue::jsonb, :comment, :ip, :agent, :correlation, """ + INTERNAL;
    /**
     * Redelivery inserts nothing twice: asked of the table, not by ON CONFLICT, which needs the unique index that a
     * rebuild drops until its end (a node stopped mid-rebuild starts its processors before it builds the index).
     */
    private static final String NOT_THERE =
            " WHERE NOT EXISTS (SELECT 1 FROM timeline_entry WHERE organization_id = :org AND event_id = :eventId)";
    /**
     * The token's position is the highest index the processor has seen: for an event that committed after later
     * ones (a gap filled late) that is another event's index, so the event's own index is read by its id.
     */
    private static final String LIVE_ENTRY = "INSERT INTO timeline_entry (" + COLUMNS + ") SELECT :eventId, coalesce("
            + OWN_INDEX + ", :position)" + ENTRY_VALUES + NOT_THERE;
    private static final String ROW_COLUMNS = """
            eventId text, position int8, org text, engagement uuid, entityType text, entityId text, eventType text,
            actorId text, actorName text, at timestamptz, oldValue jsonb, newValue jsonb, comment text, ip text,
            agent text, correlation text, internal bool, suggested bool, activity uuid""";
    private static final String SET_ENTRIES = "INSERT INTO timeline_entry (" + COLUMNS + """
            )
            SELECT r.eventId, r.position, r.org, r.engagement, r.entityType, r.entityId, r.eventType, r.actorId,
                r.actorName, r.at, r.oldValue, r.newValue, r.comment, r.ip, r.agent, r.correlation,
                r.internal OR coalesce(r.suggested, EXISTS (SELECT 1 FROM timeline_suggestion s
                    WHERE s.organization_id = r.org AND s.activity_id = r.activity))
            FROM """;
    /**
     * In a bulk replay the token is the event's own position, and a batch's entries go in one statement: an event
     * delivered twice in it goes in once, and one the table holds not at all.
     */
    private static final SetWrite REPLAYED_ENTRY = SetWrite.of("INSERT INTO timeline_entry (" + COLUMNS
            + ") SELECT :eventId, :position" + ENTRY_VALUES + NOT_THERE, ROW_COLUMNS, SET_ENTRIES + " " + """
            (SELECT DISTINCT ON (org, eventId) * FROM {rows} ORDER BY org, eventId, ordinal) r
            WHERE NOT EXISTS (SELECT 1 FROM timeline_entry t
                WHERE t.organization_id = r.org AND t.event_id = r.eventId)
            ORDER BY r.ordinal""");
    /**
     * A rebuild's: the table is empty and its unique index dropped, and each event comes once. The index's upkeep
     * and the conflict check cost a random-key insert three times what the row alone does (docs/BENCHMARKS.md).
     */
    private static final SetWrite FRESH_ENTRY = SetWrite.of("INSERT INTO timeline_entry (" + COLUMNS
            + ") VALUES (:eventId, :position" + ENTRY_VALUES + ")", ROW_COLUMNS,
            SET_ENTRIES + " {rows} ORDER BY r.ordinal");

    private final JdbcClient jdbc;
    private final TimelineDescriber describer;
    private final ObjectMapper json;
    /** Built once: a page reads a hundred values, and looking up their type each time showed in the profile. */
    private final ObjectReader valueReader;

    TimelineProjector(JdbcClient jdbc, TimelineDescriber describer, ObjectMapper json) {
        this.jdbc = jdbc;
        this.describer = describer;
        this.json = json;
        this.valueReader = json.readerFor(VALUES);
    }

    @EventHandler
    void on(Object payload, EventMessage<?> event, TrackingToken token) {
        if (!TimelineDescriber.recorded(payload)) {
            return;
        }
        MetaData metaData = event.getMetaData();
        String organizationId = organizationOf(payload, metaData);
        if (organizationId == null) {
            LOG.warn("Event {} of type {} names no organization; it has no timeline entry",
                    event.getIdentifier(), event.getPayloadType().getName());
            return;
        }
        TimelineDescription description = describer.describe(payload).orElseGet(() -> {
            LOG.warn("Event type {} has no timeline description: its entry shows its type only",
                    event.getPayloadType().getName());
            return TimelineDescriber.undescribed(payload);
        });
        String entityType = description.entityType() == null ? entityType(event) : description.entityType();
        String entityId = description.entityId() == null ? entityId(event) : description.entityId();
        Map<String, Object> values = new HashMap<>();
        values.put("eventId", event.getIdentifier());
        values.put("position", token.position().orElseThrow());
        values.put("org", organizationId);
        values.put("engagement", description.engagementId());
        values.put("entityType", entityType);
        values.put("entityId", entityId);
        values.put("eventType", description.eventType());
        values.put("actorId", text(metaData, USER_ID));
        values.put("actorName", text(metaData, USER_NAME));
        values.put("at", utc(event.getTimestamp()));
        values.put("oldValue", toJson(description.oldValue()));
        values.put("newValue", toJson(description.newValue()));
        values.put("comment", description.comment());
        values.put("ip", text(metaData, CLIENT_IP));
        values.put("agent", text(metaData, USER_AGENT));
        values.put("correlation", text(metaData, CORRELATION_ID));
        values.put("internal", description.internal());
        values.put("suggested", suggestion(organizationId, payload));
        values.put("activity", TimelineDescriber.ACTIVITY.equals(entityType) ? entityId : null);
        if (BulkReplay.intoEmptiedTables()) {
            FRESH_ENTRY.run(jdbc, values);
        } else if (BulkReplay.tokensAreOwnPositions()) {
            REPLAYED_ENTRY.run(jdbc, values);
        } else {
            jdbc.sql(LIVE_ENTRY).params(values).update();
        }
    }

    /**
     * Entries of an activity are staff-only while it is a suggestion, from its creation to its acceptance: true
     * for its creation as one, false for its acceptance, otherwise null, and the entry's insert asks the table
     * itself (so a bulk replay sends a run of entries in one statement).
     */
    private Boolean suggestion(String organizationId, Object payload) {
        if (payload instanceof ActivityCreatedEvent created && created.status() == ActivityStatus.SUGGESTION) {
            jdbc.sql("""
                    INSERT INTO timeline_suggestion (organization_id, activity_id) VALUES (:org, :id)
                    ON CONFLICT (organization_id, activity_id) DO NOTHING""")
                    .param("org", organizationId).param("id", created.activityId()).update();
            return true;
        }
        if (payload instanceof ActivityStatusChangedEvent changed
                && changed.oldStatus() == ActivityStatus.SUGGESTION) {
            jdbc.sql("DELETE FROM timeline_suggestion WHERE organization_id = :org AND activity_id = :id")
                    .param("org", organizationId).param("id", changed.activityId()).update();
            return false;
        }
        return null;
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

    @Override
    public List<String> deferredIndexes() {
        return DEFERRED_INDEXES;
    }

    /** What a client sees of its engagement; anything not listed here stays with the staff. */
    @QueryHandler
    TimelinePage handle(FindPortalTimelineQuery query) {
        TimelinePage page = page("""
                engagement_id = :engagement AND NOT internal
                  AND (entity_type = ANY(CAST(:visible AS text[]))
                       OR entity_type = 'invoice' AND event_type = ANY(CAST(:sent AS text[])))""",
                Map.of("org", query.organizationId(), "engagement", query.engagementId(), "visible",
                        CLIENT_VISIBLE, "sent", INVOICE_SENT_EVENTS), query.cursor(), query.limit());
        return new TimelinePage(page.entries().stream().map(TimelineProjector::forClient).toList(),
                page.nextCursor());
    }

    /**
     * Who on the staff did it stays (by name); where they did it from does not, nor any value outside
     * {@link #CLIENT_VALUES}: budgets, deal, proposal, contract and order ids, people's ids stay with the staff.
     */
    private static TimelineEntry forClient(TimelineEntry entry) {
        return new TimelineEntry(entry.eventId(), entry.organizationId(), entry.engagementId(), entry.entityType(),
                entry.entityId(), entry.eventType(), null, entry.actorName(), entry.occurredAt(),
                clientValues(entry.oldValue()), clientValues(entry.newValue()), entry.comment(), false, null);
    }

    private static Map<String, Object> clientValues(Map<String, Object> values) {
        if (values == null) {
            return null;
        }
        Map<String, Object> shown = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            // People's sealed data (a team member's name) is the staff's; a client reads it in no value.
            if (CLIENT_VALUES.contains(key) && !(value instanceof Sealed)) {
                shown.put(key, value);
            }
        });
        return shown;
    }

    /**
     * Only the filters the caller gave are in the SQL: with {@code CAST(:x AS ...) IS NULL OR ...} for each absent
     * one, PostgreSQL planned the query anew on every page, and its generic plan read and sorted every entry.
     */
    @QueryHandler
    TimelinePage handle(FindTimelineQuery query) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("org", query.organizationId());
        List<String> conditions = new ArrayList<>();
        filter(conditions, parameters, "engagement_id = :engagement", "engagement", query.engagementId());
        filter(conditions, parameters, "entity_type = :entityType", "entityType", query.entityType());
        filter(conditions, parameters, "entity_id = :entityId", "entityId", query.entityId());
        if (query.eventTypes() != null && !query.eventTypes().isEmpty()) {
            filter(conditions, parameters, "event_type = ANY(CAST(:eventTypes AS text[]))", "eventTypes",
                    Jdbc.textArray(query.eventTypes()));
        }
        filter(conditions, parameters, "actor_id = :actorId", "actorId", query.actorId());
        filter(conditions, parameters, "occurred_at >= :from", "from", utc(query.from()));
        filter(conditions, parameters, "occurred_at < :to", "to", utc(query.to()));
        return page(String.join(" AND ", conditions), parameters, query.cursor(), query.limit());
    }

    private static void filter(List<String> conditions, Map<String, Object> parameters, String condition,
            String name, Object value) {
        if (value != null) {
            conditions.add(condition);
            parameters.put(name, value);
        }
    }

    /** One page of the tenant's entries meeting {@code conditions}, newest first, after the cursor's entry. */
    private TimelinePage page(String conditions, Map<String, Object> parameters, String cursor, int requested) {
        int limit = Math.clamp(requested, 1, MAX_PAGE_SIZE);
        TimelineCursor after = TimelineCursor.decode(cursor);
        Map<String, Object> values = new HashMap<>(parameters);
        values.put("limit", limit + 1);
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS
                + " FROM timeline_entry WHERE organization_id = :org");
        if (!conditions.isEmpty()) {
            sql.append(" AND ").append(conditions);
        }
        if (after != null) {
            sql.append(" AND (occurred_at, global_position) < (:afterAt, :afterPosition)");
            values.put("afterAt", utc(after.occurredAt()));
            values.put("afterPosition", after.position());
        }
        sql.append(" ORDER BY occurred_at DESC, global_position DESC LIMIT :limit");
        List<PositionedEntry> rows = jdbc.sql(sql.toString())
                .params(values)
                .query(this::toEntry)
                .list();
        List<PositionedEntry> page = rows.subList(0, Math.min(limit, rows.size()));
        String next = rows.size() > limit ? TimelineCursor.after(page.getLast()).encode() : null;
        return new TimelinePage(page.stream().map(PositionedEntry::entry).toList(), next);
    }

    private static String organizationOf(Object payload, MetaData metaData) {
        if (payload instanceof TenantScoped scoped && scoped.organizationId() != null) {
            return scoped.organizationId();
        }
        return text(metaData, ORGANIZATION_ID);
    }

    private static String entityType(EventMessage<?> event) {
        if (event instanceof DomainEventMessage<?> domainEvent && domainEvent.getType() != null) {
            return TimelineDescriber.snakeCase(domainEvent.getType());
        }
        return "event";
    }

    private static String entityId(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domainEvent
                ? domainEvent.getAggregateIdentifier()
                : event.getIdentifier();
    }

    private static String text(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }

    private String toJson(Map<String, Object> values) {
        return values == null ? null : json.writeValueAsString(values);
    }

    private PositionedEntry toEntry(ResultSet rs, int row) throws SQLException {
        return new PositionedEntry(rs.getLong("global_position"), new TimelineEntry(
                rs.getString("event_id"),
                rs.getString("organization_id"),
                rs.getObject("engagement_id", UUID.class),
                rs.getString("entity_type"),
                rs.getString("entity_id"),
                rs.getString("event_type"),
                rs.getString("actor_id"),
                rs.getString("actor_name"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                fromJson(rs.getString("old_value")),
                fromJson(rs.getString("new_value")),
                rs.getString("comment"),
                rs.getBoolean("internal"),
                new RequestContext(rs.getString("client_ip"), rs.getString("user_agent"),
                        rs.getString("correlation_id"))));
    }

    private Map<String, Object> fromJson(String value) {
        return value == null ? null : sealedValues(valueReader.<Map<String, Object>>readValue(value));
    }

    /**
     * Sealed values (people's names) are stored as their ciphertext and read back as {@link Sealed}, which the REST
     * layer opens with the reader's tenant's keys: plaintext for staff, null once the person was erased.
     */
    @SuppressWarnings("unchecked")
    private static <T> T sealedValues(T value) {
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 2 && map.get("ciphertext") instanceof String ciphertext
                    && map.containsKey("subjectId")) {
                return (T) new Sealed((String) map.get("subjectId"), ciphertext);
            }
            Map<String, Object> values = new LinkedHashMap<>();
            map.forEach((key, item) -> values.put((String) key, sealedValues(item)));
            return (T) values;
        }
        if (value instanceof List<?> list) {
            return (T) list.stream().map(TimelineProjector::sealedValues).toList();
        }
        return value;
    }

    private record PositionedEntry(long position, TimelineEntry entry) {
    }

    /** Keyset position of the last entry of a page, opaque to clients. */
    record TimelineCursor(Instant occurredAt, long position) {

        private static final Instant EARLIEST_CURSOR = Instant.parse("0001-01-01T00:00:00Z");
        private static final Instant LATEST_CURSOR = Instant.parse("9999-12-31T23:59:59Z");

        static TimelineCursor after(PositionedEntry last) {
            return new TimelineCursor(last.entry().occurredAt(), last.position());
        }

        String encode() {
            String raw = occurredAt.toString() + "|" + position;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static TimelineCursor decode(String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return null;
            }
            try {
                String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                String[] parts = raw.split("\\|", 2);
                Instant occurredAt = Instant.parse(parts[0]);
                // Entries are stamped by this server: a moment PostgreSQL cannot hold was never issued.
                if (occurredAt.isBefore(EARLIEST_CURSOR) || occurredAt.isAfter(LATEST_CURSOR)) {
                    throw new IllegalArgumentException("moment out of range");
                }
                return new TimelineCursor(occurredAt, Long.parseLong(parts[1]));
            } catch (RuntimeException malformed) {
                throw new IllegalArgumentException("cursor is not one this API issued", malformed);
            }
        }
    }
}
