package com.firmos.platform.eventstore;

import static org.axonframework.common.DateTimeUtils.formatInstant;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventsourcing.eventstore.jpa.DomainEventEntry;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Axon's JPA storage engine, with the statements every command pays for written in plain JDBC on the same
 * transaction's connection: the append, the aggregate's last sequence number, the shared reader's fetch of the new
 * events and the deletion of the snapshots a new one replaces. Through JPA an append cost a {@code nextval} round
 * trip, an entity persist and a flush per event, and each query a JPQL translation per call (the reader's differs
 * with every set of gaps; docs/BENCHMARKS.md). The rows, the sequence and the duplicate-key handling (a concurrent
 * write of the same sequence number is Axon's concurrency refusal) are the engine's own, and so are the tokens and
 * gaps computed from a fetched batch, aggregate reads and the snapshots themselves.
 */
final class JdbcAppendingStorageEngine extends JpaEventStorageEngine {

    private static final String APPEND = """
            INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number,
                type, payload_type, payload_revision, payload, meta_data, time_stamp)
            VALUES (nextval('domain_event_entry_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;
    private final TransactionManager transactions;

    JdbcAppendingStorageEngine(JpaEventStorageEngine.Builder builder, JdbcTemplate jdbc,
            TransactionManager transactions) {
        super(builder);
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        List<DomainEventEntry> rows = events.stream()
                .map(event -> new DomainEventEntry(asDomainEventMessage(event), serializer))
                .toList();
        // In the caller's transaction, as Axon's append: the events commit or roll back with the command.
        transactions.executeInTransaction(() -> insert(rows, events));
    }

    private void insert(List<DomainEventEntry> rows, List<? extends EventMessage<?>> events) {
        try {
            // One batch, whatever its size: a single event is one round trip either way.
            jdbc.batchUpdate(APPEND, new BatchPreparedStatementSetter() {
                @Override
                public void setValues(PreparedStatement statement, int i) throws SQLException {
                    bind(statement, rows.get(i), events.get(i));
                }

                @Override
                public int getBatchSize() {
                    return rows.size();
                }
            });
        } catch (RuntimeException failure) {
            handlePersistenceException(failure, events.get(0));
        }
    }

    /** The columns as Axon's entity writes them: its serialized payload and metadata, its timestamp format. */
    private static void bind(PreparedStatement statement, DomainEventEntry row, EventMessage<?> event)
            throws SQLException {
        statement.setString(1, row.getEventIdentifier());
        statement.setString(2, row.getAggregateIdentifier());
        statement.setLong(3, row.getSequenceNumber());
        statement.setString(4, row.getType());
        statement.setString(5, row.getPayload().getType().getName());
        statement.setString(6, row.getPayload().getType().getRevision());
        statement.setBytes(7, row.getPayload().getData());
        statement.setBytes(8, row.getMetaData().getData());
        statement.setString(9, formatInstant(event.getTimestamp()));
    }

    /**
     * The shared reader's batch after a token, the columns in the order Axon's own query selects them. A token's gaps
     * go as one array, so every batch with gaps is the same prepared statement; without gaps the plain range scan.
     */
    @Override
    protected List<Object[]> fetchEvents(GapAwareTrackingToken token) {
        long after = token == null ? -1L : token.getIndex();
        Long[] gaps = token == null ? new Long[0] : token.getGaps().toArray(Long[]::new);
        String where = gaps.length == 0 ? "global_index > ?" : "global_index > ? OR global_index = ANY(?)";
        return jdbc.query("""
                SELECT global_index, type, aggregate_identifier, sequence_number, event_identifier, time_stamp,
                    payload_type, payload_revision, payload, meta_data
                FROM domain_event_entry WHERE %s ORDER BY global_index LIMIT ?""".formatted(where), statement -> {
            int next = 1;
            statement.setLong(next++, after);
            if (gaps.length > 0) {
                statement.setArray(next++, statement.getConnection().createArrayOf("bigint", gaps));
            }
            statement.setInt(next, batchSize());
        }, (row, n) -> new Object[] {row.getLong(1), row.getString(2), row.getString(3), row.getLong(4),
            row.getString(5), row.getString(6), row.getString(7), row.getString(8), row.getBytes(9),
            row.getBytes(10)});
    }

    /** The snapshots a new one replaces: a JPQL bulk delete was translated again for each snapshot. */
    @Override
    protected void deleteSnapshots(String aggregateIdentifier, long sequenceNumber) {
        jdbc.update("DELETE FROM snapshot_event_entry WHERE aggregate_identifier = ? AND sequence_number < ?",
                aggregateIdentifier, sequenceNumber);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return Optional.ofNullable(jdbc.queryForObject(
                "SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, aggregateIdentifier));
    }
}
