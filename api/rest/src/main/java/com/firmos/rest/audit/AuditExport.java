package com.firmos.rest.audit;

import static com.firmos.api.messages.MetadataKeys.ORGANIZATION_ID;
import static com.firmos.api.messages.MetadataKeys.USER_ID;
import static com.firmos.api.messages.MetadataKeys.USER_NAME;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.UUID;
import java.util.function.LongConsumer;

import org.springframework.stereotype.Component;

import com.firmos.platform.eventstore.StoredEvent;
import com.firmos.platform.eventstore.StoredEvents;
import com.firmos.platform.eventstore.StoredEvents.Rows;
import com.firmos.platform.eventstore.StoredEvents.Selection;

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

    private final StoredEvents events;
    private final ObjectMapper json = JsonMapper.builder().build();

    AuditExport(StoredEvents events) {
        this.events = events;
    }

    /** Returns the number of events written, telling {@code progress} every {@value #PROGRESS_EVERY}. */
    public long write(String organizationId, Scope scope, OutputStream out, LongConsumer progress) {
        return events.inSnapshot(snapshot -> {
            try (Rows<StoredEvent> rows = snapshot.events(selection(organizationId, scope));
                    JsonGenerator lines = json.writer().withRootValueSeparator("\n").createGenerator(out)) {
                return write(rows, lines, progress);
            }
        });
    }

    private long write(Rows<StoredEvent> rows, JsonGenerator lines, LongConsumer progress) throws SQLException {
        long written = 0;
        while (rows.next()) {
            line(rows.current(), lines);
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

    /** An engagement's events are those its timeline lists: the timeline attributes events to engagements. */
    private static Selection selection(String organizationId, Scope scope) {
        return switch (scope) {
            case Scope.Tenant tenant -> Selection.tenant(organizationId);
            case Scope.Engagement engagement -> Selection.listedBy("SELECT event_id FROM timeline_entry"
                    + " WHERE organization_id = ? AND engagement_id = ?", organizationId, engagement.engagementId());
            case Scope.Entity entity -> Selection.aggregate(organizationId, entity.entityId());
        };
    }
}
