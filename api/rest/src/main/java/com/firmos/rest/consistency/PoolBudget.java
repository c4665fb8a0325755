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

import com.firmos.platform.processing.ProcessorWorkers;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Checks at start-up that everything that may hold a pooled connection at once fits in the pool: the admitted
 * commands, the admitted reads, one per worker thread of every event processor, and a reserve for what requests do
 * outside admission (idempotency keys, the read-your-writes probe, token claims). If it did not, a burst would queue
 * on the pool and fail after its timeout, so the server refuses to start with settings that cannot add up.
 */
@Component
class PoolBudget {

    private static final Logger LOG = LoggerFactory.getLogger(PoolBudget.class);

    private final DataSource dataSource;
    private final CommandAdmission commands;
    private final ReadAdmission reads;
    private final ProcessorWorkers processors;
    private final int reserve;

    PoolBudget(DataSource dataSource, CommandAdmission commands, ReadAdmission reads, ProcessorWorkers processors,
            @Value("${firmos.database.pool-reserve:2}") int reserve) {
        this.dataSource = dataSource;
        this.commands = commands;
        this.reads = reads;
        this.processors = processors;
        this.reserve = reserve;
    }

    /** After the processors are built, before the server is reported started. */
    @EventListener(ApplicationStartedEvent.class)
    void check() throws SQLException {
        // The pool may sit behind proxies (the tests' statement recorder, tracing): it is looked for through them.
        if (!dataSource.isWrapperFor(HikariDataSource.class)) {
            return;
        }
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        Map<String, Integer> workers = processors.byProcessor();
        shortfall(pool.getMaximumPoolSize(), commands.concurrency(), reads.concurrency(), workers, reserve)
                .ifPresent(message -> {
                    throw new IllegalStateException(message);
                });
        LOG.info("Connection pool of {}: {} commands, {} reads, {} processor workers, {} in reserve",
                pool.getMaximumPoolSize(), commands.concurrency(), reads.concurrency(), sum(workers), reserve);
    }

    /** Why the settings do not fit in the pool, or nothing when they do. */
    static Optional<String> shortfall(int pool, int commands, int reads, Map<String, Integer> workers,
            int reserve) {
        int needed = commands + reads + sum(workers) + reserve;
        if (reserve < 0 || needed > pool) {
            return Optional.of("The connection pool (spring.datasource.hikari.maximum-pool-size=" + pool + ") must"
                    + " hold everything that may take a connection at once, " + needed + ": " + commands
                    + " commands (firmos.commands.concurrency) + " + reads + " reads (firmos.reads.concurrency) + "
                    + sum(workers) + " processor worker threads (axon.eventhandling.processors.*.thread-count: "
                    + workers + ") + " + reserve + " in reserve (firmos.database.pool-reserve, at least 0)."
                    + " Raise the pool or lower the others.");
        }
        return Optional.empty();
    }

    private static int sum(Map<String, Integer> workers) {
        return workers.values().stream().mapToInt(Integer::intValue).sum();
    }
}
