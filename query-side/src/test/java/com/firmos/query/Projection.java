package com.firmos.query;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.postgresql.util.PGobject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.firmos.api.messages.MetadataKeys;
import com.firmos.platform.processing.BulkBatch;

import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One processing group's projectors fed the way Axon's streaming processors feed them: through Axon's own
 * {@link SimpleEventHandlerInvoker} (annotated handlers, parameter resolvers, {@code @ResetHandler}s), a batch of
 * events per unit of work, each unit of work in a Spring transaction on the test database. Errors propagate, so a
 * failing handler fails the test instead of being logged. {@link #rows} reads the group's tables for one tenant.
 */
public final class Projection {

    /** The application's JSON settings that reach read tables: lower-case enums, as the API spells them. */
    public static final ObjectMapper JSON = JsonMapper.builder().enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS).build();

    private final SimpleEventHandlerInvoker invoker;
    private final SpringTransactionManager transactions;
    private final DataSource dataSource;
    private final DataSourceTransactionManager transactionManager;
    private final JdbcClient jdbc;
    private final List<String> tables;

    /** {@code tables}: those the rows are compared on; {@code projectors}: the group, as deployed together. */
    public Projection(List<String> tables, List<?> projectors) {
        DataSource dataSource = ProjectionDatabase.dataSource();
        this.invoker = SimpleEventHandlerInvoker.builder().eventHandlers(projectors)
                .listenerInvocationErrorHandler(PropagatingErrorHandler.instance()).build();
        this.dataSource = dataSource;
        this.transactionManager = new DataSourceTransactionManager(dataSource);
        this.transactions = new SpringTransactionManager(transactionManager);
        this.jdbc = JdbcClient.create(dataSource);
        this.tables = List.copyOf(tables);
    }

    /** A projector that is a processing group of its own, compared on the tables it owns. */
    public static Projection of(ProjectionTables projector) {
        return new Projection(projector.tables(), List.of(projector));
    }

    public static JdbcClient jdbc() {
        return JdbcClient.create(ProjectionDatabase.dataSource());
    }

    /** Every event in a transaction of its own, as a processor that keeps up with single commands does. */
    public void oneAtATime(List<? extends EventMessage<?>> events) {
        events.forEach(event -> inBatches(List.of(event), 1));
    }

    /** The events in units of work of {@code size} events each, as a processor's batches (batch-size 100). */
    public void inBatches(List<? extends EventMessage<?>> events, int size) {
        for (int from = 0; from < events.size(); from += size) {
            List<EventMessage<?>> batch = new ArrayList<>(events.subList(from, Math.min(events.size(), from + size)));
            BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
            unitOfWork.attachTransaction(transactions);
            ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
                invoker.handle(unitOfWork.getMessage(), Segment.ROOT_SEGMENT);
                return null;
            });
            if (result.isExceptional()) {
                throw new AssertionError("the projection refused a batch starting with " + describe(batch.getFirst()),
                        result.exceptionResult());
            }
        }
    }

    /**
     * The events in batches of {@code size} as a bulk replay applies them: handler after handler in one transaction
     * per batch, the writes held until a handler reads and {@link com.firmos.platform.processing.SetWrite}s sent as
     * set-based statements, each token standing at its event's own position.
     */
    public void inBulkBatches(List<? extends EventMessage<?>> events, int size) {
        inBulkBatches(events, size, false);
    }

    /**
     * {@link #inBulkBatches(List, int)}, and with {@code intoEmptiedTables} as a rebuild's pass applies them, into
     * the tables the reset emptied.
     */
    public void inBulkBatches(List<? extends EventMessage<?>> events, int size, boolean intoEmptiedTables) {
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        for (int from = 0; from < events.size(); from += size) {
            List<? extends EventMessage<?>> batch = events.subList(from, Math.min(events.size(), from + size));
            Runnable handlers = () -> {
                for (EventMessage<?> event : batch) {
                    try {
                        if (invoker.canHandle(event, Segment.ROOT_SEGMENT)) {
                            invoker.handle(event, Segment.ROOT_SEGMENT);
                        }
                    } catch (Exception failed) {
                        throw new AssertionError("the projection refused " + describe(event), failed);
                    }
                }
            };
            BulkBatch.asReplayed(intoEmptiedTables,
                    () -> template.executeWithoutResult(status -> BulkBatch.run(dataSource, handlers)));
        }
    }

    /** What a replay starts with: every {@code @ResetHandler} of the group, in a transaction. */
    public void reset() {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        unitOfWork.execute(invoker::performReset);
    }

    /**
     * The tenant's rows of every table, each ordered by its primary key, with the tenant's own values (its id, ids
     * derived from it) replaced by {@link History#aliases}, so that two tenants given the same history compare
     * equal. No projected column holds the wall-clock time of projection (every time comes from an event), so no
     * column is left out.
     */
    public Map<String, List<Map<String, Object>>> rows(History history) {
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        for (String table : tables) {
            List<String> key = primaryKey(table);
            List<Map<String, Object>> tenantRows = new ArrayList<>(jdbc.sql("SELECT * FROM " + table
                            + " WHERE organization_id = :org").param("org", history.tenant())
                    .query((rs, n) -> row(rs, history.aliases())).list());
            // Ordered by the key as it reads without the tenant: ids derived from the tenant sort by their alias.
            tenantRows.sort(Comparator.comparing(row -> key.stream().filter(row::containsKey)
                    .map(column -> String.valueOf(row.get(column))).collect(Collectors.joining("|"))));
            rows.put(table, tenantRows);
        }
        return rows;
    }

    /** The primary key's columns, or a unique index's where the table has none (the timeline's, V33). */
    private List<String> primaryKey(String table) {
        return jdbc.sql("""
                SELECT a.attname FROM pg_index i
                JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
                WHERE i.indexrelid = (SELECT k.indexrelid FROM pg_index k
                    WHERE k.indrelid = CAST(:table AS regclass) AND k.indisunique AND k.indpred IS NULL
                    ORDER BY k.indisprimary DESC, k.indexrelid LIMIT 1)
                ORDER BY array_position(CAST(i.indkey AS int2[]), a.attnum)""")
                .param("table", table).query(String.class).list();
    }

    private static Map<String, Object> row(ResultSet rs, Map<String, String> aliases) throws SQLException {
        ResultSetMetaData columns = rs.getMetaData();
        Map<String, Object> row = new LinkedHashMap<>();
        for (int column = 1; column <= columns.getColumnCount(); column++) {
            String name = columns.getColumnName(column);
            if (!name.equals("organization_id")) {
                row.put(name, comparable(rs.getObject(column), aliases));
            }
        }
        return row;
    }

    private static Object comparable(Object value, Map<String, String> aliases) throws SQLException {
        return switch (value) {
            case Array array -> Arrays.stream((Object[]) array.getArray()).map(item -> dealias(item, aliases))
                    .toList();
            case PGobject object -> dealias(object.getValue(), aliases);
            case null, default -> dealias(value, aliases);
        };
    }

    private static Object dealias(Object value, Map<String, String> aliases) {
        if (value instanceof UUID uuid && aliases.containsKey(uuid.toString())) {
            return aliases.get(uuid.toString());
        }
        if (value instanceof String text) {
            for (Map.Entry<String, String> alias : aliases.entrySet()) {
                text = text.replace(alias.getKey(), alias.getValue());
            }
            return text;
        }
        return value;
    }

    private static String describe(EventMessage<?> event) {
        return event.getPayloadType().getSimpleName() + " of " + event.getMetaData().get(MetadataKeys.ORGANIZATION_ID);
    }
}
