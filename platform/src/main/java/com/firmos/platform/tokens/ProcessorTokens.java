package com.firmos.platform.tokens;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.GenericTokenEntry;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The token store's rows read and written per processor, where Axon's {@code TokenStore} works per segment and
 * claim. Each statement runs in the caller's transaction when there is one, so it commits or rolls back with it.
 */
@Component
public class ProcessorTokens {

    /** The node name Axon's token store writes as a claim's owner. */
    public static final String THIS_NODE = ManagementFactory.getRuntimeMXBean().getName();

    private final JdbcClient jdbc;
    private final Serializer serializer;

    ProcessorTokens(JdbcClient jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** How many segments each processor has, by processor name. */
    public Map<String, Integer> segmentCounts() {
        Map<String, Integer> counted = new HashMap<>();
        jdbc.sql("SELECT processor_name, count(*) FROM token_entry GROUP BY processor_name")
                .query(row -> {
                    counted.put(row.getString(1), row.getInt(2));
                });
        return counted;
    }

    /** Whether another node claims a segment of the processor (this node's own claims do not count). */
    public boolean claimedElsewhere(String processorName) {
        return owners(processorName).values().stream().anyMatch(owner -> owner != null && !owner.equals(THIS_NODE));
    }

    /** The node that holds each segment's claim, by segment id; null for a segment no node holds. */
    public Map<Integer, String> owners(String processorName) {
        Map<Integer, String> owners = new HashMap<>();
        jdbc.sql("SELECT segment, owner FROM token_entry WHERE processor_name = :name")
                .param("name", processorName)
                .query(rs -> {
                    owners.put(rs.getInt("segment"), rs.getString("owner"));
                });
        return owners;
    }

    /** Every segment of the processor as the store holds it now. */
    public List<StoredSegment> segments(String processorName) {
        return jdbc.sql("""
                SELECT segment, token, token_type FROM token_entry WHERE processor_name = :name""")
                .param("name", processorName)
                .query((row, n) -> new StoredSegment(row.getInt(1), row.getBytes(2), row.getString(3)))
                .list();
    }

    /** Forgets every segment of the processor: the next processor of that name starts from the first event. */
    public void remove(String processorName) {
        jdbc.sql("DELETE FROM token_entry WHERE processor_name = :name").param("name", processorName).update();
    }

    /**
     * Moves every segment of {@code processorName} to where segment 0 of {@code from} stands: a processor of one
     * segment (a shadow rebuild's) hands over its position to the one that carries on from it.
     */
    public void adoptPosition(String processorName, String from) {
        jdbc.sql("""
                UPDATE token_entry live SET token = shadow.token, token_type = shadow.token_type
                FROM token_entry shadow
                WHERE live.processor_name = :live AND shadow.processor_name = :shadow AND shadow.segment = 0""")
                .param("live", processorName).param("shadow", from).update();
    }

    /**
     * Stores {@code token} for each of the processor's {@code segments} in one statement where Axon's store takes one
     * per segment: Axon's own update (the same serialized token, type and timestamp, and only where this node owns
     * the claim) without its fallback that claims a segment again. A segment this node does not claim fails the
     * whole, with the transaction it runs in: a bulk pass claimed every segment before it began.
     */
    public void storeClaimed(String processorName, List<Integer> segments, TrackingToken token) {
        if (segments.isEmpty()) {
            return;
        }
        GenericTokenEntry<byte[]> entry = new GenericTokenEntry<>(token, serializer, byte[].class, processorName,
                segments.getFirst());
        int stored = jdbc.sql("""
                UPDATE token_entry SET token = :token, token_type = :type, timestamp = :at
                WHERE owner = :owner AND processor_name = :name AND segment IN (:segments)""")
                .param("token", entry.getSerializedToken().getData())
                .param("type", entry.getTokenType().getName())
                .param("at", entry.timestampAsString())
                .param("owner", THIS_NODE)
                .param("name", processorName)
                .param("segments", segments)
                .update();
        if (stored != segments.size()) {
            throw new UnableToClaimTokenException("Unable to store the tokens of " + processorName + ": "
                    + (segments.size() - stored) + " of its segments " + segments + " are not claimed by this node");
        }
    }

    /** One segment's row; its position is deserialized only when asked, as most callers need one segment's. */
    public final class StoredSegment {

        private final int segment;
        private final byte[] token;
        private final String type;

        private StoredSegment(int segment, byte[] token, String type) {
            this.segment = segment;
            this.token = token;
            this.type = type;
        }

        public int segment() {
            return segment;
        }

        /** Where the segment stands; empty while it has stored no position. */
        public Optional<TrackingToken> position() {
            if (token == null) {
                return Optional.empty();
            }
            return Optional.of(serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null)));
        }
    }
}
