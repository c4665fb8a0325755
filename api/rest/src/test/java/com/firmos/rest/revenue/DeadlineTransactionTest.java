package com.firmos.rest.revenue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.firmos.rest.support.IntegrationTest;

/**
 * A deadline is written as the command's unit of work prepares to commit: it must share the command's transaction,
 * or a command that fails at its commit leaves a deadline for events that were never stored (an invoice turned
 * overdue that was never issued), and every command holds a second connection from the pool for it.
 */
class DeadlineTransactionTest extends IntegrationTest {

    private static final String DEADLINE = "probeDeadline";

    @Autowired
    private DeadlineManager deadlines;

    @Autowired
    private TransactionManager transactions;

    @Test
    void aDeadlineScheduledByACommandThatCommitsIsStored() {
        String id = inUnitOfWork(unit -> schedule());

        assertThat(stored(id)).isEqualTo(1);
        inUnitOfWork(unit -> {
            deadlines.cancelSchedule(DEADLINE, id);
            return id;
        });
        assertThat(stored(id)).isZero();
    }

    @Test
    void aDeadlineScheduledByACommandWhoseCommitFailsIsNotStored() {
        String[] id = new String[1];

        assertThatThrownBy(() -> inUnitOfWork(unit -> {
            id[0] = schedule();
            // Runs after the deadline's own prepare-commit step, as a failing event append would.
            unit.onPrepareCommit(u -> {
                throw new IllegalStateException("the commit fails");
            });
            return id[0];
        })).hasMessageContaining("the commit fails");

        assertThat(stored(id[0])).isZero();
    }

    @Test
    void aCancelInACommandWhoseCommitFailsKeepsTheDeadline() {
        String id = inUnitOfWork(unit -> schedule());

        assertThatThrownBy(() -> inUnitOfWork(unit -> {
            deadlines.cancelSchedule(DEADLINE, id);
            unit.onPrepareCommit(u -> {
                throw new IllegalStateException("the commit fails");
            });
            return id;
        })).hasMessageContaining("the commit fails");

        assertThat(stored(id)).isEqualTo(1);
        inUnitOfWork(unit -> {
            deadlines.cancelSchedule(DEADLINE, id);
            return id;
        });
    }

    private String schedule() {
        return deadlines.schedule(Instant.now().plus(Duration.ofDays(30)), DEADLINE, null,
                new AggregateScopeDescriptor("Invoice", UUID.randomUUID().toString()));
    }

    private String inUnitOfWork(Function<UnitOfWork<?>, String> work) {
        UnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(null);
        unit.attachTransaction(transactions);
        String result;
        try {
            result = work.apply(unit);
        } catch (RuntimeException failed) {
            unit.rollback(failed);
            throw failed;
        }
        unit.commit();
        return result;
    }

    private int stored(String id) {
        return jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_instance = :id").param("id", id)
                .query(Integer.class).single();
    }
}
