package com.firmos.query.asof;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.firmos.platform.eventstore.AxonTables;
import com.firmos.platform.eventstore.StoredEvents;
import com.firmos.query.ReadClock;

/**
 * Builds a read model as it stood at a past moment, in one transaction that is always rolled back: every read
 * table is shadowed by an empty temporary table of the same name (PostgreSQL resolves unqualified names to the
 * session's temporary tables first), the tenant's events up to that moment go through the real projector, the
 * real query reads the result, and the rollback drops it all. The live tables are never written. A replay ends
 * after {@code firmos.history.timeout}: the transaction's deadline, and PostgreSQL's statement timeout for a single
 * statement that would outlast it (a lock wait included).
 */
@Component
public class AsOfReplay {

    /** Tables that are not read models: the event store, Axon's bookkeeping, migrations and the scheduler. */
    private static final List<String> NOT_READ_MODELS = Stream.concat(AxonTables.NAMES.stream(),
            Stream.of("flyway_schema_history", "event_chain", "event_chain_head", "scheduled_tasks")).toList();

    private final JdbcClient jdbc;
    private final StoredEvents storedEvents;
    private final TransactionTemplate transactions;
    private final ReadClock clock;
    private final Configuration axon;
    private final Duration timeout;

    AsOfReplay(JdbcClient jdbc, StoredEvents storedEvents, PlatformTransactionManager transactionManager,
            ReadClock clock, @Lazy Configuration axon, @Value("${firmos.history.timeout:PT10S}") Duration timeout) {
        this.jdbc = jdbc;
        this.storedEvents = storedEvents;
        this.transactions = new TransactionTemplate(transactionManager);
        // Its own transaction: the query bus may already run one, and this one always ends in a rollback.
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.transactions.setTimeout((int) Math.max(1, timeout.toSeconds()));
        this.timeout = timeout;
        this.clock = clock;
        this.axon = axon;
    }

    /** Replays the tenant's events up to {@code moment} into {@code projectors}, then answers with {@code read}. */
    public <R> R replay(String organizationId, Instant moment, List<Object> projectors, Supplier<R> read) {
        return transactions.execute(status -> {
            status.setRollbackOnly();
            jdbc.sql("SELECT set_config('statement_timeout', :millis, true)")
                    .param("millis", Long.toString(timeout.toMillis())).query(String.class).single();
            shadowReadTables();
            List<AnnotationEventHandlerAdapter> handlers = projectors.stream().map(this::adapter).toList();
            try (Stream<? extends EventMessage<?>> events = storedEvents.ofTenant(organizationId)) {
                events.filter(event -> !event.getTimestamp().isAfter(moment))
                        .forEach(event -> handlers.forEach(handler -> apply(handler, event)));
            }
            return clock.at(moment, read);
        });
    }

    private void shadowReadTables() {
        List<String> tables = jdbc.sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                + " AND NOT tablename = ANY(:excluded) ORDER BY tablename")
                .param("excluded", NOT_READ_MODELS.toArray(String[]::new)).query(String.class).list();
        for (String table : tables) {
            // Names come from the catalog, never from a request.
            jdbc.sql("CREATE TEMPORARY TABLE \"" + table + "\" (LIKE public.\"" + table
                    + "\" INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES) ON COMMIT DROP").update();
        }
    }

    private AnnotationEventHandlerAdapter adapter(Object projector) {
        return new AnnotationEventHandlerAdapter(projector, axon.parameterResolverFactory(),
                axon.handlerDefinition(projector.getClass()));
    }

    private static void apply(AnnotationEventHandlerAdapter handler, EventMessage<?> event) {
        try {
            if (handler.canHandle(event)) {
                handler.handle(event);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not replay event " + event.getIdentifier(), e);
        }
    }
}
