package com.firmos.rest.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.LongConsumer;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * Verifies a tenant's hash chain against the events as they are stored now, in one snapshot of the database and
 * in constant memory: every link is recomputed here from the row's bytes, in chain order, and the first link
 * that does not hold is reported, then any event of the tenant that never entered the chain.
 */
@Component
public class AuditChain {

    static final int PROGRESS_EVERY = 10_000;
    private static final byte[] GENESIS = new byte[32];

    private final DataSource dataSource;

    AuditChain(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Reports the number of links checked so far to {@code progress} every {@value #PROGRESS_EVERY} links. */
    public ChainVerification verify(String organizationId, LongConsumer progress) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                return verify(connection, organizationId, progress);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the event store to verify its chain", e);
        }
    }

    private ChainVerification verify(Connection connection, String organizationId, LongConsumer progress)
            throws SQLException {
        Head head = head(connection, organizationId);
        Walk walk = new Walk(GENESIS, 0, null);
        try (PreparedStatement links = connection.prepareStatement("SELECT c.position,"
                + " c.global_index AS chained_index, c.event_identifier AS chained_id, c.hash, "
                + StoredEvent.COLUMNS + " FROM event_chain c"
                + " LEFT JOIN domain_event_entry e ON e.global_index = c.global_index"
                + " WHERE c.organization_id = ? ORDER BY c.position")) {
            links.setFetchSize(1000);
            links.setString(1, organizationId);
            try (ResultSet row = links.executeQuery()) {
                while (walk.firstBreak() == null && row.next()) {
                    walk = walk.next(row);
                    if (walk.checked() > 0 && walk.checked() % PROGRESS_EVERY == 0) {
                        progress.accept(walk.checked());
                    }
                }
            }
        }
        ChainVerification.Break firstBreak = walk.firstBreak() != null ? walk.firstBreak()
                : walk.checked() != head.position() || !Arrays.equals(walk.previous(), head.hash())
                        ? new ChainVerification.Break("deleted", walk.checked() + 1, null, null, "the chain ends at "
                                + walk.checked() + " but its head was written at " + head.position())
                        : firstOutsideTheChain(connection, organizationId);
        return new ChainVerification(organizationId, firstBreak == null, walk.checked(), head.position(),
                HexFormat.of().formatHex(head.hash()), firstBreak);
    }

    private static Head head(Connection connection, String organizationId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT position, hash FROM event_chain_head WHERE organization_id = ?")) {
            query.setString(1, organizationId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? new Head(row.getLong("position"), row.getBytes("hash")) : new Head(0, GENESIS);
            }
        }
    }

    private static ChainVerification.Break firstOutsideTheChain(Connection connection, String organizationId)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT e.global_index, e.event_identifier"
                + " FROM domain_event_entry e WHERE NOT EXISTS"
                + " (SELECT 1 FROM event_chain c WHERE c.global_index = e.global_index)"
                + " AND coalesce(convert_from(e.meta_data, 'UTF8')::jsonb ->> 'organizationId', '') = ?"
                + " ORDER BY e.global_index LIMIT 1")) {
            query.setString(1, organizationId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? new ChainVerification.Break("inserted", null, row.getLong("global_index"),
                        row.getString("event_identifier"), "stored without entering the chain") : null;
            }
        }
    }

    private record Head(long position, byte[] hash) {
    }

    /** The chain walked so far: the last link recomputed, how many held, and the first that did not. */
    private record Walk(byte[] previous, long checked, ChainVerification.Break firstBreak) {

        Walk next(ResultSet row) throws SQLException {
            long position = row.getLong("position");
            long chainedIndex = row.getLong("chained_index");
            String chainedId = row.getString("chained_id");
            if (position != checked + 1) {
                return broken("deleted", checked + 1, null, null,
                        "links " + (checked + 1) + " to " + (position - 1) + " are missing from the chain");
            }
            if (row.getObject("global_index") == null) {
                return broken("deleted", position, chainedIndex, chainedId, "the event chained here is gone");
            }
            StoredEvent event = StoredEvent.read(row);
            byte[] link = event.link(previous);
            if (!event.eventIdentifier().equals(chainedId) || !Arrays.equals(link, row.getBytes("hash"))) {
                return broken("altered", position, chainedIndex, event.eventIdentifier(),
                        "the stored event no longer matches its link in the chain");
            }
            return new Walk(link, position, null);
        }

        private Walk broken(String kind, Long position, Long globalIndex, String eventId, String detail) {
            return new Walk(previous, checked, new ChainVerification.Break(kind, position, globalIndex, eventId,
                    detail));
        }
    }
}
