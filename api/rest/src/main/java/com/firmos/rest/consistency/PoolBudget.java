package com.firmos.rest.consistency;

import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.firmos.platform.processing.BulkReplay;
import com.firmos.platform.processing.ProcessorWorkers;
import com.firmos.query.shadow.ShadowRebuilds;
import com.firmos.rest.config.DeadlineWorkers;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Checks at start-up that everything that may hold a pooled connection at once fits in the pool: the admitted
 * commands and reads, one per worker thread of every event processor, a bulk replay's connections beyond those of
 * the processors it stops, one per shadow rebuild, one per deadline thread, and a reserve for what holds one only
 * for a statement or two (idempotency keys, the read-your-writes probe, token claims, the schedulers' polls). If
 * it did not, a burst would queue on the pool and fail after its timeout, so the server refuses to start with
 * settings that cannot add up.
 */
@Component
class PoolBudget {

    private static final Logger LOG = LoggerFactory.getLogger(PoolBudget.class);

    private final DataSource dataSource;
    private final CommandAdmission commands;
    private final ReadAdmission reads;
    private final ProcessorWorkers processors;
    private final BulkReplay bulk;
    private final ShadowRebuilds shadows;
    private final DeadlineWorkers deadlines;
    private final int reserve;

    PoolBudget(DataSource dataSource, CommandAdmission commands, ReadAdmission reads, ProcessorWorkers processors,
            BulkReplay bulk, ShadowRebuilds shadows, DeadlineWorkers deadlines,
            @Value("${firmos.database.pool-reserve:2}") int reserve) {
        this.dataSource = dataSource;
        this.commands = commands;
        this.reads = reads;
        this.processors = processors;
        this.bulk = bulk;
        this.shadows = shadows;
        this.deadlines = deadlines;
        this.reserve = reserve;
    }

    /** Everything counted against the pool, each term as its setting gives it. */
    record Terms(int commands, int reads, Map<String, Integer> workers, int bulkReplay, int shadowRebuilds,
            int deadlineThreads, int reserve) {

        int needed() {
            return commands + reads + workerThreads() + bulkReplay + shadowConnections() + deadlineThreads + reserve;
        }

        /** A shadow's coordinator reads the store from its first event while its worker applies a batch: two each. */
        int shadowConnections() {
            return 2 * shadowRebuilds;
        }

        int workerThreads() {
            return workers.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** After the processors are built, before the server is reported started. */
    @EventListener(ApplicationStartedEvent.class)
    void check() throws SQLException {
        // The pool may sit behind proxies (the tests' statement recorder, tracing): it is looked for through them.
        if (!dataSource.isWrapperFor(HikariDataSource.class)) {
            LOG.warn("The connection pool is no Hikari pool: nothing checks that what may hold a connection at once"
                    + " fits in it (docs/RELIABILITY.md, section 9)");
            return;
        }
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        Terms terms = new Terms(commands.concurrency(), reads.concurrency(), processors.byProcessor(),
                bulk.extraConnections(), shadows.concurrency(), deadlines.threads(), reserve);
        shortfall(pool.getMaximumPoolSize(), terms).ifPresent(message -> {
            throw new IllegalStateException(message);
        });
        LOG.debug("Connection pool of {}: {}", pool.getMaximumPoolSize(), terms);
    }

    /** Why the settings do not fit in the pool, or nothing when they do. */
    static Optional<String> shortfall(int pool, Terms terms) {
        if (terms.bulkReplay() < 1) {
            return Optional.of("firmos.projections.bulk-connections=" + terms.bulkReplay() + " must be at least 1:"
                    + " a bulk replay reads the next batch while its lanes apply this one.");
        }
        if (terms.deadlineThreads() < 1) {
            return Optional.of("firmos.deadlines.threads=" + terms.deadlineThreads() + " must be at least 1: due"
                    + " deadlines (an invoice turning overdue) would never run.");
        }
        if (terms.reserve() < 0 || terms.shadowRebuilds() < 0 || terms.needed() > pool) {
            return Optional.of("The connection pool (spring.datasource.hikari.maximum-pool-size=" + pool + ") must"
                    + " hold everything that may take a connection at once, " + terms.needed() + ": "
                    + terms.commands() + " commands (firmos.commands.concurrency) + " + terms.reads()
                    + " reads (firmos.reads.concurrency) + " + terms.workerThreads() + " processor worker threads"
                    + " (axon.eventhandling.processors.*.thread-count: " + terms.workers + ") + "
                    + terms.bulkReplay() + " for a bulk replay beyond the processors it stops"
                    + " (firmos.projections.bulk-connections) + " + terms.shadowConnections() + " for "
                    + terms.shadowRebuilds() + " shadow rebuilds, a reader and a worker each"
                    + " (firmos.projections.shadow-rebuilds, at least 0) + " + terms.deadlineThreads()
                    + " deadline threads (firmos.deadlines.threads) + " + terms.reserve()
                    + " in reserve (firmos.database.pool-reserve, at least 0). Raise the pool or lower the others.");
        }
        return Optional.empty();
    }
}
