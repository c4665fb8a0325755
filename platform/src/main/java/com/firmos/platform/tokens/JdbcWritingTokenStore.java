package com.firmos.platform.tokens;

import static org.axonframework.common.DateTimeUtils.formatInstant;

import java.util.List;
import java.util.Optional;

import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.AbstractTokenEntry;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.jpa.TokenEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Axon's JPA token store, with the two writes every processor batch makes, storing its token and extending its
 * claim, as one plain JDBC statement each on the batch's connection. Through JPA each was a JPQL update that
 * Hibernate translated again on every call: a tenth of a command's CPU, spread over the processors that apply its
 * event (docs/BENCHMARKS.md). The statements are the store's own (the same columns, owner check and timestamp
 * format), and a token this node does not hold goes to the JPA store, which claims it or refuses as before.
 */
final class JdbcWritingTokenStore implements TokenStore {

    private final TokenStore delegate;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final String nodeId;

    JdbcWritingTokenStore(TokenStore delegate, JdbcTemplate jdbc, Serializer serializer, String nodeId) {
        this.delegate = delegate;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.nodeId = nodeId;
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        TokenEntry entry = new TokenEntry(processorName, segment, token, serializer);
        SerializedObject<byte[]> serialized = entry.getSerializedToken();
        int updated = jdbc.update("""
                UPDATE token_entry SET token = ?, token_type = ?, timestamp = ?
                WHERE owner = ? AND processor_name = ? AND segment = ?""",
                serialized == null ? null : serialized.getData(),
                entry.getTokenType() == null ? null : entry.getTokenType().getName(),
                entry.timestampAsString(), nodeId, processorName, segment);
        if (updated == 0) {
            delegate.storeToken(token, processorName, segment);
        }
    }

    @Override
    public void extendClaim(String processorName, int segment) {
        int updated = jdbc.update("""
                UPDATE token_entry SET timestamp = ? WHERE processor_name = ? AND segment = ? AND owner = ?""",
                formatInstant(AbstractTokenEntry.clock.instant()), processorName, segment, nodeId);
        if (updated == 0) {
            throw new UnableToClaimTokenException("Unable to extend the claim on token for processor '"
                    + processorName + "[" + segment + "]'. It is either claimed by another process, or there is no"
                    + " such token.");
        }
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) {
        delegate.initializeTokenSegments(processorName, segmentCount);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        delegate.initializeTokenSegments(processorName, segmentCount, initialToken);
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) {
        return delegate.fetchToken(processorName, segment);
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) {
        return delegate.fetchToken(processorName, segment);
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        delegate.releaseClaim(processorName, segment);
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        delegate.initializeSegment(token, processorName, segment);
    }

    @Override
    public void deleteToken(String processorName, int segment) {
        delegate.deleteToken(processorName, segment);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return delegate.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return delegate.fetchSegments(processorName);
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        return delegate.fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return delegate.retrieveStorageIdentifier();
    }
}
