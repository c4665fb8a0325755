package com.firmos.rest.consistency;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.springboot.EventProcessorProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

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
    /** Axon's worker threads for a pooled processor without a {@code thread-count} of its own. */
    private static final int AXON_POOLED_WORKERS = 4;

    private final DataSource dataSource;
    private final CommandAdmission commands;
    private final ReadAdmission reads;
    private final EventProcessingConfiguration processing;
    private final EventProcessorProperties processorSettings;
    private final int reserve;

    PoolBudget(DataSource dataSource, CommandAdmission commands, ReadAdmission reads,
            EventProcessingConfiguration processing, EventProcessorProperties processorSettings,
            @Value("${firmos.database.pool-reserve:2}") int reserve) {
        this.dataSource = dataSource;
        this.commands = commands;
        this.reads = reads;
        this.processing = processing;
        this.processorSettings = processorSettings;
        this.reserve = reserve;
    }

    /** After the processors are built, before the server is reported started. */
    @EventListener(ApplicationStartedEvent.class)
    void check() {
        if (!(dataSource instanceof HikariDataSource pool)) {
            return;
        }
        Map<String, Integer> workers = workers();
        shortfall(pool.getMaximumPoolSize(), commands.concurrency(), reads.concurrency(), workers, reserve)
                .ifPresent(message -> {
                    throw new IllegalStateException(message);
                });
        LOG.info("Connection pool of {}: {} commands, {} reads, {} processor workers, {} in reserve",
                pool.getMaximumPoolSize(), commands.concurrency(), reads.concurrency(), sum(workers), reserve);
    }

    /** Each streaming processor's worker threads: each holds a connection while it handles a batch. */
    private Map<String, Integer> workers() {
        Map<String, Integer> workers = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            EventProcessorProperties.ProcessorSettings settings = processorSettings.getProcessors().get(name);
            if (processor instanceof PooledStreamingEventProcessor) {
                workers.put(name, settings == null ? AXON_POOLED_WORKERS : settings.getThreadCount());
            } else if (processor instanceof TrackingEventProcessor tracking) {
                workers.put(name, tracking.maxCapacity());
            }
        });
        return workers;
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
