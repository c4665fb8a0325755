package com.firmos.platform.eventstore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedDomainEventData;

/**
 * One row of {@code domain_event_entry} exactly as stored, and its link in the tenant's hash chain: the same bytes
 * {@code firmos_event_digest} (V13) hashes, each column followed by a zero byte, after the previous link.
 */
public record StoredEvent(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
        String type, String payloadType, String payloadRevision, String timeStamp, byte[] payload, byte[] metaData) {

    static final String COLUMNS = "e.global_index, e.event_identifier, e.aggregate_identifier, e.sequence_number,"
            + " e.type, e.payload_type, e.payload_revision, e.time_stamp, e.payload, e.meta_data";

    static StoredEvent read(ResultSet row) throws SQLException {
        return new StoredEvent(row.getLong("global_index"), row.getString("event_identifier"),
                row.getString("aggregate_identifier"), row.getLong("sequence_number"), row.getString("type"),
                row.getString("payload_type"), row.getString("payload_revision"), row.getString("time_stamp"),
                row.getBytes("payload"), row.getBytes("meta_data"));
    }

    public byte[] link(byte[] previous) {
        MessageDigest sha256 = sha256();
        sha256.update(previous);
        for (String column : new String[] {Long.toString(globalIndex), eventIdentifier, aggregateIdentifier,
                Long.toString(sequenceNumber), nullToEmpty(type), payloadType, nullToEmpty(payloadRevision),
                timeStamp}) {
            sha256.update(column.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
        }
        sha256.update(payload);
        sha256.update((byte) 0);
        if (metaData != null) {
            sha256.update(metaData);
        }
        return sha256.digest();
    }

    /** The row as Axon's storage engine hands it on: what its serializer and upcasters turn into a message. */
    TrackedDomainEventData<byte[]> tracked() {
        return new TrackedDomainEventData<>(GapAwareTrackingToken.newInstance(globalIndex, Collections.emptySet()),
                new GenericDomainEventEntry<>(type, aggregateIdentifier, sequenceNumber, eventIdentifier, timeStamp,
                        payloadType, payloadRevision, payload, metaData));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
