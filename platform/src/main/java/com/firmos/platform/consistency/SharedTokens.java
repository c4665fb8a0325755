package com.firmos.platform.consistency;

import java.util.List;

import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The positions of a processor's segments as the token store holds them, for segments another node works on.
 * Only the segment an event belongs to is asked: a segment stores its position with the rows of each batch it
 * handles, but one that has nothing to handle stores it only when it extends its claim, seconds later.
 */
@Component
class SharedTokens {

    private final JdbcClient jdbc;
    private final Serializer serializer;

    SharedTokens(JdbcClient jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** A segment no node holds does not move, so a write behind it waits: the projection really is behind. */
    boolean passed(String processorName, EventHandlerInvoker invoker, EventMessage<?> event, long index) {
        List<Stored> segments = jdbc.sql("""
                SELECT segment, token, token_type FROM token_entry WHERE processor_name = :name""")
                .param("name", processorName)
                .query((row, n) -> new Stored(row.getInt(1), row.getBytes(2), row.getString(3)))
                .list();
        int[] ids = segments.stream().mapToInt(Stored::segment).toArray();
        return !segments.isEmpty() && segments.stream()
                .filter(stored -> invoker.canHandle(event, Segment.computeSegment(stored.segment(), ids)))
                .allMatch(stored -> stored.token() != null && ProjectionCatchUp.passed(token(stored), index));
    }

    private TrackingToken token(Stored stored) {
        return serializer.deserialize(new SimpleSerializedObject<>(stored.token(), byte[].class, stored.type(), null));
    }

    private record Stored(int segment, byte[] token, String type) {
    }
}
