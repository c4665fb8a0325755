package com.firmos.rest.audit;

import static com.firmos.api.messages.MetadataKeys.ORGANIZATION_ID;
import static com.firmos.api.messages.MetadataKeys.USER_ID;
import static com.firmos.api.messages.MetadataKeys.USER_NAME;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.function.LongConsumer;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a tenant's stored events as JSON Lines, one event per line in the order they were stored: the payload and
 * metadata exactly as stored (with the payload's revision, so an old shape is recognisable), the actor and time.
 * Rows stream from a server-side cursor straight to the output, so memory stays flat however many events there are.
 */
@Component
public class AuditExport {

    /** Which events: the whole tenant, those the timeline attributes to one engagement, or one entity's. */
    public sealed interface Scope {
        record Tenant() implements Scope {
        }

        record Engagement(UUID engagementId) implements Scope {
        }

        record Entity(String entityId) implements Scope {
        }
    }

    static final int PROGRESS_EVERY = 10_000;
    private static final int FETCH_SIZE = 1000;

    private final DataSource dataSource;
    private final ObjectMapper json = JsonMapper.builder().build();

    AuditExport(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Returns the number of events written, telling {@code progress} every {@value #PROGRESS_EVERY}. */
    public long write(String organizationId, Scope scope, OutputStream out, LongConsumer progress) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (PreparedStatement query = connection.prepareStatement(sql(scope))) {
                query.setFetchSize(FETCH_SIZE);
                bind(query, organizationId, scope);
                try (ResultSet rows = query.executeQuery(); JsonGenerator lines = json.writer()
                        .withRootValueSeparator("\n").createGenerator(out)) {
                    return write(rows, lines, progress);
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the event store for the export", e);
        }
    }

    private long write(ResultSet rows, JsonGenerator lines, LongConsumer progress) throws SQLException {
        long written = 0;
        while (rows.next()) {
            line(StoredEvent.read(rows), lines);
            if (++written % PROGRESS_EVERY == 0) {
                lines.flush();
                progress.accept(written);
            }
        }
        if (written > 0) {
            lines.writeRaw('\n');
        }
        lines.flush();
        return written;
    }

    private void line(StoredEvent event, JsonGenerator lines) {
        String metadata = event.metaData() == null ? "{}" : new String(event.metaData(), StandardCharsets.UTF_8);
        JsonNode meta = json.readTree(metadata);
        lines.writeStartObject();
        lines.writeNumberProperty("globalIndex", event.globalIndex());
        lines.writeStringProperty("eventId", event.eventIdentifier());
        lines.writeStringProperty("occurredAt", event.timeStamp());
        lines.writeStringProperty("organizationId", meta.path(ORGANIZATION_ID).asString(null));
        lines.writeStringProperty("aggregateType", event.type());
        lines.writeStringProperty("aggregateId", event.aggregateIdentifier());
        lines.writeNumberProperty("sequenceNumber", event.sequenceNumber());
        lines.writeStringProperty("eventType", simpleName(event.payloadType()));
        lines.writeStringProperty("payloadType", event.payloadType());
        lines.writeStringProperty("payloadRevision", event.payloadRevision());
        lines.writeName("actor");
        lines.writeStartObject();
        lines.writeStringProperty("id", meta.path(USER_ID).asString(null));
        lines.writeStringProperty("name", meta.path(USER_NAME).asString(null));
        lines.writeEndObject();
        lines.writeName("metadata");
        lines.writeRawValue(metadata);
        lines.writeName("payload");
        lines.writeRawValue(new String(event.payload(), StandardCharsets.UTF_8));
        lines.writeEndObject();
    }

    private static String simpleName(String payloadType) {
        return payloadType.substring(Math.max(payloadType.lastIndexOf('.'), payloadType.lastIndexOf('$')) + 1);
    }

    private static String sql(Scope scope) {
        String select = "SELECT " + StoredEvent.COLUMNS + " FROM ";
        return switch (scope) {
            case Scope.Tenant tenant -> select + "event_chain c JOIN domain_event_entry e"
                    + " ON e.global_index = c.global_index WHERE c.organization_id = ? ORDER BY c.position";
            case Scope.Engagement engagement -> select + "timeline_entry t JOIN domain_event_entry e"
                    + " ON e.event_identifier = t.event_id WHERE t.organization_id = ? AND t.engagement_id = ?"
                    + " ORDER BY e.global_index";
            case Scope.Entity entity -> select + "domain_event_entry e JOIN event_chain c"
                    + " ON c.global_index = e.global_index WHERE c.organization_id = ? AND e.aggregate_identifier = ?"
                    + " ORDER BY e.sequence_number";
        };
    }

    private static void bind(PreparedStatement query, String organizationId, Scope scope) throws SQLException {
        query.setString(1, organizationId);
        switch (scope) {
            case Scope.Tenant tenant -> {
            }
            case Scope.Engagement engagement -> query.setObject(2, engagement.engagementId());
            case Scope.Entity entity -> query.setString(2, entity.entityId());
        }
    }
}
