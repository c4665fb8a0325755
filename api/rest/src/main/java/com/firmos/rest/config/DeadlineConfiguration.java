package com.firmos.rest.config;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;

/**
 * Axon deadlines (an invoice turning overdue) on db-scheduler: stored in {@code scheduled_tasks} in the same
 * PostgreSQL, so they survive restarts and are picked up by whichever node is alive. Axon's auto-configuration
 * supplies the deadline task and the {@code DbSchedulerDeadlineManager} once this scheduler exists; it starts
 * when the application is ready, so no deadline fires into a half-started application.
 *
 * <p>Axon schedules and cancels a deadline as the command's unit of work prepares to commit. The scheduler reads
 * the pool through Spring's transaction-aware proxy, so that write joins the command's transaction: it commits or
 * rolls back with the events, and a command never holds a second pooled connection for it.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineConfiguration {

    @Bean
    DeadlineWorkers deadlineWorkers(@Value("${firmos.deadlines.threads:2}") int threads) {
        return new DeadlineWorkers(threads);
    }

    @Bean(destroyMethod = "stop")
    Scheduler deadlineScheduler(DataSource dataSource, List<Task<?>> tasks, DeadlineWorkers workers,
            @Value("${firmos.deadlines.polling-interval:PT1S}") Duration pollingInterval) {
        // db-scheduler leaves a connection with autocommit off to its owner; never set commitWhenAutocommitDisabled
        // or immediate execution here, or it would commit the command's transaction before the command does.
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), tasks)
                .threads(workers.threads())
                .pollingInterval(pollingInterval)
                .build();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start(ApplicationReadyEvent ready) {
        ready.getApplicationContext().getBean(Scheduler.class).start();
    }
}
