package com.firmos.query.shadow;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.firmos.platform.projections.Projections;
import com.firmos.platform.tokens.ProcessorTokens;
import com.firmos.query.ProjectionTables;

/**
 * Rebuilds a projection without downtime. Its tables are created again, empty, in a schema of their own
 * ({@code shadow_<group>}, with the live tables' constraint and index names), and a second processor runs the
 * group's projectors over the whole event stream into them: its transactions put that schema first on the search
 * path, so the projectors' unqualified SQL lands there while the live tables keep serving. Before the switch the
 * two are compared table by table. The switch is one transaction: with both processors stopped, the live tables
 * are dropped, the shadow tables moved into their place and the shadow's position given to the live processor,
 * which then carries on. Readers wait for that transaction's locks (milliseconds) and then read the new tables.
 */
@Component
public class ShadowRebuilds {

    private static final int SWITCH_ATTEMPTS = 10;

    /** Each group's projectors: a group may be built by several, each owning some of its tables. */
    private final Map<String, List<ProjectionTables>> projections;
    private final Map<String, Shadow> building = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;
    private final TransactionManager axonTransactions;
    private final TransactionTemplate transactions;
    private final TokenStore tokenStore;
    private final ProcessorTokens tokens;
    private final Configuration axon;
    private final Projections rebuilds;
    private final int concurrency;

    ShadowRebuilds(List<ProjectionTables> projections, JdbcClient jdbc, PlatformTransactionManager transactionManager,
            TransactionManager axonTransactions, TokenStore tokenStore, ProcessorTokens tokens,
            @Lazy Configuration axon, Projections rebuilds,
            @Value("${firmos.projections.shadow-rebuilds:2}") int concurrency) {
        this.rebuilds = rebuilds;
        this.concurrency = concurrency;
        this.projections = projections.stream()
                .collect(Collectors.groupingBy(ProjectionTables::processingGroup));
        this.jdbc = jdbc;
        this.axonTransactions = axonTransactions;
        this.transactions = new TransactionTemplate(transactionManager);
        this.tokenStore = tokenStore;
        this.tokens = tokens;
        this.axon = axon;
    }

    /** How many shadows may build at once, each with a worker thread that holds a connection while it works. */
    public int concurrency() {
        return concurrency;
    }

    /** Starts building the shadow of {@code group} from the first event; a leftover shadow is dropped first. */
    public synchronized ShadowStatus start(String group) {
        List<ProjectionTables> projectors = projectors(group);
        if (building.containsKey(group)) {
            throw new ShadowRebuildRefusedException("a shadow rebuild of " + group + " is already running", false);
        }
        if (concurrency == 0) {
            throw new ShadowRebuildRefusedException("shadow rebuilds are off on this node"
                    + " (firmos.projections.shadow-rebuilds=0)", false, "shadow-limit-reached");
        }
        if (building.size() >= concurrency) {
            // Each shadow's reader and worker hold pooled connections: the pool's budget counts so many.
            throw new ShadowRebuildRefusedException(building.size() + " shadow rebuilds are running ("
                    + String.join(", ", new TreeSet<>(building.keySet())) + "), as many as"
                    + " firmos.projections.shadow-rebuilds allows; switch or cancel one first", false,
                    "shadow-limit-reached");
        }
        // A rebuild drops the live tables' deferred indexes until its end: a copy taken then would switch in without.
        rebuilds.whileReserved(group, () -> transactions.execute(status -> {
            createShadowTables(schema(group), tables(projectors));
            tokens.remove(shadowName(group));
            return group;
        }));
        Shadow shadow = shadow(group, projectors);
        building.put(group, shadow);
        shadow.processor().start();
        return status(group);
    }

    public ShadowStatus status(String group) {
        List<ProjectionTables> projectors = projectors(group);
        PooledStreamingEventProcessor processor = running(group);
        long head = axon.eventStore().createHeadToken().position().orElse(-1L);
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        long position = segments.values().stream()
                .mapToLong(segment -> segment.getCurrentPosition().orElse(-1L)).min().orElse(-1L);
        boolean caughtUp = !segments.isEmpty() && position >= head
                && segments.values().stream().allMatch(EventTrackerStatus::isCaughtUp);
        String error = segments.values().stream().filter(EventTrackerStatus::isErrorState)
                .map(segment -> String.valueOf(segment.getError())).findFirst().orElse(null);
        List<ShadowStatus.TableComparison> tables = tables(projectors).stream()
                .map(table -> compare(schema(group), table)).toList();
        return new ShadowStatus(group, schema(group), processor.isRunning(), position, head, caughtUp, error,
                (int) tables.stream().filter(table -> !table.same()).count(), tables);
    }

    /** Switches the caught-up shadow in; returns the comparison as it stood just before. */
    public synchronized ShadowStatus switchOver(String group) {
        List<ProjectionTables> projectors = projectors(group);
        Shadow shadow = building.get(group);
        ShadowStatus before = status(group);
        if (!before.caughtUp() || before.error() != null) {
            throw new ShadowRebuildRefusedException("the shadow of " + group + " has not caught up (at "
                    + before.position() + " of " + before.head() + "); switch once it has", false);
        }
        // Reserved as a rebuild reserves it: a rebuild, or a bulk catch-up between its stop and its start, owns
        // the live processor, and starting it here would run both.
        return rebuilds.whileReserved(group, () -> {
            StreamingEventProcessor live = axon.eventProcessingConfiguration()
                    .eventProcessor(group, StreamingEventProcessor.class).orElseThrow();
            shadow.processor().shutDown();
            try {
                live.shutDown();
                swap(group, tables(projectors));
                building.remove(group).retire();
            } catch (RuntimeException e) {
                shadow.processor().start();
                throw e;
            } finally {
                live.start();
            }
            return before;
        });
    }

    /** Stops the shadow and drops its tables; the live projection is untouched. */
    public synchronized void cancel(String group) {
        projectors(group);
        Shadow shadow = building.remove(group);
        if (shadow != null) {
            shadow.retire();
        }
        transactions.executeWithoutResult(status -> {
            jdbc.sql("DROP SCHEMA IF EXISTS " + schema(group) + " CASCADE").update();
            tokens.remove(shadowName(group));
        });
    }

    private void createShadowTables(String schema, List<String> tables) {
        jdbc.sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE").update();
        jdbc.sql("CREATE SCHEMA " + schema).update();
        for (String table : tables) {
            jdbc.sql("CREATE TABLE " + schema + "." + table + " (LIKE public." + table
                    + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS)").update();
            // Storage settings (room kept for in-place updates) are no part of LIKE: the switched-in table keeps them.
            // The table's own only; toast.* settings sit on its TOAST table and are not copied.
            jdbc.sql("""
                    SELECT string_agg(quote_ident(option_name) || ' = ' || quote_literal(option_value), ', ')
                    FROM pg_class, pg_options_to_table(reloptions) WHERE oid = ('public.' || :table)::regclass""")
                    .param("table", table).query(String.class).optional()
                    .ifPresent(options -> jdbc.sql("ALTER TABLE " + schema + "." + table + " SET (" + options + ")")
                            .update());
            jdbc.sql("""
                    SELECT 'ALTER TABLE ' || :schema || '.' || :table || ' ADD CONSTRAINT ' || quote_ident(conname)
                        || ' ' || pg_get_constraintdef(oid)
                    FROM pg_constraint WHERE conrelid = ('public.' || :table)::regclass AND contype IN ('p', 'u')""")
                    .param("schema", schema).param("table", table).query(String.class).list()
                    .forEach(ddl -> jdbc.sql(ddl).update());
            jdbc.sql("""
                    SELECT replace(indexdef, ' ON public.', ' ON ' || :schema || '.') FROM pg_indexes i
                    WHERE schemaname = 'public' AND tablename = :table AND NOT EXISTS (SELECT 1 FROM pg_constraint c
                        WHERE c.conrelid = ('public.' || :table)::regclass AND c.conname = i.indexname)""")
                    .param("schema", schema).param("table", table).query(String.class).list()
                    .forEach(ddl -> jdbc.sql(ddl).update());
        }
    }

    /** A shadow processor with the threads it was given, which go when it does. */
    private record Shadow(PooledStreamingEventProcessor processor, List<ScheduledExecutorService> executors) {

        void retire() {
            processor.shutDown();
            executors.forEach(ScheduledExecutorService::shutdownNow);
        }
    }

    private Shadow shadow(String group, List<ProjectionTables> projectors) {
        String name = shadowName(group);
        ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("Coordinator[" + name + "]").daemon().factory());
        ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("WorkPackage[" + name + "]").daemon().factory());
        return new Shadow(PooledStreamingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(projectors)
                        .parameterResolverFactory(axon.parameterResolverFactory())
                        // One class loader for all of them, so the first one's definitions are every one's.
                        .handlerDefinition(axon.handlerDefinition(projectors.getFirst().getClass()))
                        .listenerInvocationErrorHandler(PropagatingErrorHandler.instance()).build())
                .errorHandler(PropagatingErrorHandler.instance())
                .messageSource(axon.eventStore())
                .tokenStore(tokenStore)
                .transactionManager(searchingFirst(schema(group)))
                .coordinatorExecutor(coordinator)
                .workerExecutor(worker)
                .initialSegmentCount(1)
                .batchSize(500)
                .build(), List.of(coordinator, worker));
    }

    /** Transactions whose unqualified table names resolve to the shadow schema first. */
    private TransactionManager searchingFirst(String schema) {
        return () -> {
            Transaction transaction = axonTransactions.startTransaction();
            jdbc.sql("SET LOCAL search_path TO " + schema + ", public").update();
            return transaction;
        };
    }

    private void swap(String group, List<String> tables) {
        for (int attempt = 1; ; attempt++) {
            try {
                transactions.executeWithoutResult(status -> swapOnce(group, tables));
                return;
            } catch (DataAccessException failure) {
                if (!lockTimedOut(failure)) {
                    throw failure;
                }
                if (attempt == SWITCH_ATTEMPTS) {
                    throw new ShadowRebuildRefusedException("readers held the tables of " + group
                            + " through " + SWITCH_ATTEMPTS + " attempts to switch; try again", false);
                }
            }
        }
    }

    /** PostgreSQL's lock_not_available, which Spring does not always translate to a locking failure. */
    private static boolean lockTimedOut(DataAccessException failure) {
        return failure instanceof PessimisticLockingFailureException
                || failure.getMostSpecificCause() instanceof SQLException sql && "55P03".equals(sql.getSQLState());
    }

    /**
     * A short lock timeout, below PostgreSQL's deadlock check, makes the switch the side that gives up (and
     * retries) when it meets a reader, never the reader.
     */
    private void swapOnce(String group, List<String> tables) {
        String schema = schema(group);
        String live = tables.stream().map(table -> "public." + table).collect(Collectors.joining(", "));
        jdbc.sql("SET LOCAL lock_timeout = '500ms'").update();
        jdbc.sql("LOCK TABLE " + live + " IN ACCESS EXCLUSIVE MODE").update();
        jdbc.sql("DROP TABLE " + live).update();
        for (String table : tables) {
            jdbc.sql("ALTER TABLE " + schema + "." + table + " SET SCHEMA public").update();
        }
        jdbc.sql("DROP SCHEMA " + schema).update();
        tokens.adoptPosition(group, shadowName(group));
        tokens.remove(shadowName(group));
    }

    private ShadowStatus.TableComparison compare(String schema, String table) {
        return jdbc.sql("SELECT (SELECT count(*) FROM public." + table + ") AS live_rows, (SELECT count(*) FROM "
                        + schema + "." + table + ") AS shadow_rows, " + checksum("public." + table)
                        + " AS live_sum, " + checksum(schema + "." + table) + " AS shadow_sum")
                .query((rs, n) -> new ShadowStatus.TableComparison(table, rs.getLong("live_rows"),
                        rs.getLong("shadow_rows"), rs.getString("live_sum"), rs.getString("shadow_sum"),
                        rs.getLong("live_rows") == rs.getLong("shadow_rows")
                                && rs.getString("live_sum").equals(rs.getString("shadow_sum"))))
                .single();
    }

    /** Independent of row order: the rows' own hashes, sorted, hashed again. */
    private static String checksum(String table) {
        return "(SELECT coalesce(md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))), '') FROM " + table + " t)";
    }

    private PooledStreamingEventProcessor running(String group) {
        Shadow shadow = building.get(group);
        if (shadow == null) {
            throw new ShadowRebuildRefusedException("no shadow rebuild of " + group + " is running here", true);
        }
        return shadow.processor();
    }

    private List<ProjectionTables> projectors(String group) {
        List<ProjectionTables> projectors = projections.get(group);
        if (projectors == null) {
            throw new ShadowRebuildRefusedException(group + " has no tables of its own in the default schema to"
                    + " rebuild in a shadow", true);
        }
        return projectors;
    }

    private static List<String> tables(List<ProjectionTables> projectors) {
        return projectors.stream().flatMap(projector -> projector.tables().stream()).toList();
    }

    /** Group names are constants of the projectors, never taken from a request unchecked. */
    private static String schema(String group) {
        return "shadow_" + group.replace('-', '_');
    }

    private static String shadowName(String group) {
        return group + "@shadow";
    }
}
