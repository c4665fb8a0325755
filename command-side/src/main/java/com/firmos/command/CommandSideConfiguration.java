package com.firmos.command;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** Wires the command side into an application: aggregates are found by scanning this package. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class CommandSideConfiguration {

    /** The name aggregates use in {@code @Aggregate(snapshotTriggerDefinition = ...)}. */
    public static final String SNAPSHOT_TRIGGER = "aggregateSnapshotTrigger";

    @Bean(SNAPSHOT_TRIGGER)
    SnapshotTriggerDefinition aggregateSnapshotTrigger(
            Snapshotter snapshotter, @Value("${firmos.snapshots.event-threshold:20}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /** A bounded, store-checked cache for each aggregate that names one: loading a busy one is its costliest step. */
    @Bean
    static AggregateCaches aggregateCaches() {
        return new AggregateCaches();
    }

    @Autowired
    void registerRefusalInterceptor(CommandBus commandBus) {
        commandBus.registerHandlerInterceptor(new CommandRefusalInterceptor());
    }
}
