package com.firmos.platform.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stored events and the tenants' hash chains over them, read straight from the store's tables for what Axon's
 * own reads do not offer: a tenant's history (the chain lists which events are whose), one aggregate's events as
 * stored, the audit trail. Every read streams from a server-side cursor, so memory stays flat however many events
 * there are.
 */
@Component
public class StoredEvents {

    private static final int FETCH_SIZE = 1000;
    private static final String TENANT_IN_CHAIN_ORDER = "SELECT " + StoredEvent.COLUMNS + " FROM event_chain c"
            + " JOIN domain_event_entry e ON e.global_index = c.global_index WHERE c.organization_id = ?"
            + " ORDER BY c.position";

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Configuration axon;

    StoredEvents(DataSource dataSource, JdbcClient jdbc, @Lazy Configuration axon) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.axon = axon;
    }

    /**
     * An SQL expression for the global index of the stored event whose identifier the statement's parameter
     * {@code eventIdParameter} holds, for a statement that needs it inline rather than in a query of its own.
     */
    public static String globalIndexOf(String eventIdParameter) {
        return "(SELECT global_index FROM domain_event_entry WHERE event_identifier = :" + eventIdParameter + ")";
    }

    /**
     * The tenant's events in the order of its chain, upcast and deserialized, read in the caller's transaction (a
     * cursor needs one); the caller closes the stream.
     */
    public Stream<? extends EventMessage<?>> ofTenant(String organizationId) {
        Stream<TrackedDomainEventData<byte[]>> stored = jdbc.sql(TENANT_IN_CHAIN_ORDER).param(organizationId)
                .withFetchSize(FETCH_SIZE).query((row, n) -> StoredEvent.read(row).tracked()).stream();
        return EventUtils.upcastAndDeserializeTrackedEvents(stored, axon.eventSerializer(), axon.upcasterChain());
    }

    /**
     * Up to {@code limit} events after global index {@code after} and up to {@code upTo}, in global order, upcast
     * and deserialized on first use of their payload: a bulk replay's next batch. Each batch is a query of its own
     * on the primary key, so no cursor or transaction stays open between batches.
     */
    public List<TrackedEventMessage<?>> inGlobalOrder(long after, long upTo, int limit) {
        List<TrackedDomainEventData<byte[]>> stored = jdbc.sql("SELECT " + StoredEvent.COLUMNS
                        + " FROM domain_event_entry e WHERE e.global_index > :after AND e.global_index <= :upTo"
                        + " ORDER BY e.global_index LIMIT :limit")
                .param("after", after).param("upTo", upTo).param("limit", limit).withFetchSize(limit)
                .query((row, n) -> StoredEvent.read(row).tracked()).list();
        return EventUtils.upcastAndDeserializeTrackedEvents(stored.stream(), axon.eventSerializer(),
                axon.upcasterChain()).toList();
    }

    /**
     * Runs {@code reads} in one read-only snapshot of the database (repeatable read) on a connection of its own,
     * which is rolled back afterwards: several reads see the same events, and none waits for a writer.
     */
    public <T> T inSnapshot(SnapshotReads<T> reads) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                return reads.read(new Snapshot(connection));
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the event store", e);
        }
    }

    /** Reads within one snapshot. */
    @FunctionalInterface
    public interface SnapshotReads<T> {
        T read(Snapshot snapshot) throws SQLException;
    }

    /** Which events to read, each selection in its own order. */
    public static final class Selection {

        private final String sql;
        private final List<Object> parameters;

        private Selection(String sql, List<Object> parameters) {
            this.sql = sql;
            this.parameters = parameters;
        }

        /** The tenant's events in the order of its chain. */
        public static Selection tenant(String organizationId) {
            return new Selection(TENANT_IN_CHAIN_ORDER, List.of(organizationId));
        }

        /** One aggregate's events in sequence order, if they are the tenant's (the tenant's chain holds them). */
        public static Selection aggregate(String organizationId, String aggregateIdentifier) {
            return new Selection("SELECT " + StoredEvent.COLUMNS + " FROM domain_event_entry e JOIN event_chain c"
                    + " ON c.global_index = e.global_index WHERE c.organization_id = ? AND e.aggregate_identifier = ?"
                    + " ORDER BY e.sequence_number", List.of(organizationId, aggregateIdentifier));
        }

        /**
         * The events a query of the caller lists, in the order they were stored. Its one column, {@code event_id},
         * names them by identifier; its {@code ?} take the parameters in order. PostgreSQL merges it into the join,
         * so it reads as if the caller's table were joined with the store directly.
         */
        public static Selection listedBy(String eventIdQuery, Object... parameters) {
            return new Selection("SELECT " + StoredEvent.COLUMNS + " FROM (" + eventIdQuery + ") t"
                    + " JOIN domain_event_entry e ON e.event_identifier = t.event_id ORDER BY e.global_index",
                    List.of(parameters));
        }
    }

    /** A tenant's chain head as last written: its length and its last link. */
    public record ChainHead(long position, byte[] hash) {
    }

    /** One link of a tenant's chain, with the event now stored under its global index (null when it is gone). */
    public record ChainLink(long position, long globalIndex, String eventIdentifier, byte[] hash, StoredEvent event) {
    }

    /** A stored event that never entered its tenant's chain. */
    public record UnchainedEvent(long globalIndex, String eventIdentifier) {
    }

    /** The reads of one snapshot. */
    public static final class Snapshot {

        private final Connection connection;

        private Snapshot(Connection connection) {
            this.connection = connection;
        }

        public Rows<StoredEvent> events(Selection selection) throws SQLException {
            return new Rows<>(connection, selection.sql, selection.parameters, StoredEvent::read);
        }

        /** Empty for a tenant that has stored no event yet. */
        public Optional<ChainHead> chainHead(String organizationId) throws SQLException {
            try (Rows<ChainHead> head = new Rows<>(connection, "SELECT position, hash FROM event_chain_head"
                    + " WHERE organization_id = ?", List.of(organizationId),
                    row -> new ChainHead(row.getLong("position"), row.getBytes("hash")))) {
                return head.next() ? Optional.of(head.current()) : Optional.empty();
            }
        }

        /** The tenant's chain in order, each link with the event stored under its global index now. */
        public Rows<ChainLink> chainLinks(String organizationId) throws SQLException {
            return new Rows<>(connection, "SELECT c.position, c.global_index AS chained_index,"
                    + " c.event_identifier AS chained_id, c.hash, " + StoredEvent.COLUMNS + " FROM event_chain c"
                    + " LEFT JOIN domain_event_entry e ON e.global_index = c.global_index"
                    + " WHERE c.organization_id = ? ORDER BY c.position", List.of(organizationId),
                    row -> new ChainLink(row.getLong("position"), row.getLong("chained_index"),
                            row.getString("chained_id"), row.getBytes("hash"),
                            row.getObject("global_index") == null ? null : StoredEvent.read(row)));
        }

        /** The first of the tenant's stored events, by global index, that its chain does not hold. */
        public Optional<UnchainedEvent> firstUnchained(String organizationId) throws SQLException {
            try (Rows<UnchainedEvent> first = new Rows<>(connection, "SELECT e.global_index, e.event_identifier"
                    + " FROM domain_event_entry e WHERE NOT EXISTS"
                    + " (SELECT 1 FROM event_chain c WHERE c.global_index = e.global_index)"
                    + " AND coalesce(convert_from(e.meta_data, 'UTF8')::jsonb ->> 'organizationId', '') = ?"
                    + " ORDER BY e.global_index LIMIT 1", List.of(organizationId),
                    row -> new UnchainedEvent(row.getLong("global_index"), row.getString("event_identifier")))) {
                return first.next() ? Optional.of(first.current()) : Optional.empty();
            }
        }
    }

    /** Rows read one at a time, as a {@link ResultSet} is; closing them ends the query. */
    public static final class Rows<T> implements AutoCloseable {

        private final PreparedStatement statement;
        private final ResultSet rows;
        private final RowReader<T> reader;
        private T current;

        private Rows(Connection connection, String sql, List<Object> parameters, RowReader<T> reader)
                throws SQLException {
            this.statement = connection.prepareStatement(sql);
            this.reader = reader;
            try {
                statement.setFetchSize(FETCH_SIZE);
                for (int i = 0; i < parameters.size(); i++) {
                    statement.setObject(i + 1, parameters.get(i));
                }
                this.rows = statement.executeQuery();
            } catch (SQLException | RuntimeException e) {
                statement.close();
                throw e;
            }
        }

        /** Moves to the next row; false after the last. */
        public boolean next() throws SQLException {
            if (!rows.next()) {
                return false;
            }
            current = reader.read(rows);
            return true;
        }

        public T current() {
            return current;
        }

        @Override
        public void close() throws SQLException {
            statement.close();
        }
    }

    private interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }
}
