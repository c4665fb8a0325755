package com.firmos.platform.processing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a batch's event handlers without savepoints and, once a batch has failed, runs that processor's next batch
 * with each handler inside a savepoint of the batch's transaction. PostgreSQL refuses every statement after a
 * failed one until the transaction ends, so in a fast batch a failing projector takes the whole batch down; the
 * batch rolls back and is handed out again, and in the careful run rolling back to the savepoint undoes the failed
 * event's partial writes, the dead-letter queue parks it, and the batch commits the rest. The happy path saves two
 * round trips per handled event (docs/BENCHMARKS.md).
 *
 * <p>A handler that fails without breaking the transaction (an exception before any statement failed) still fails
 * its fast batch at commit: otherwise its partial writes would commit beside the parked letter.
 */
@Component
class SavepointPerEvent implements HandlerEnhancerDefinition {

    private static final String MODE = SavepointPerEvent.class.getName() + ".careful";
    private static final ThreadLocal<Boolean> UNGUARDED = ThreadLocal.withInitial(() -> false);

    private final DataSource dataSource;
    private final Set<String> careful = ConcurrentHashMap.newKeySet();

    SavepointPerEvent(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Marks each batch of the processor fast or careful, and what its outcome means for the next one. */
    MessageHandlerInterceptor<EventMessage<?>> batchModeOf(String processor) {
        return (unitOfWork, chain) -> {
            // Only a processor's batches run fast; a dead letter's retry runs alone and always carefully.
            if (unitOfWork instanceof BatchingUnitOfWork<?> && unitOfWork.getResource(MODE) == null) {
                boolean carefully = careful.contains(processor);
                unitOfWork.resources().put(MODE, carefully);
                unitOfWork.onRollback(failed -> careful.add(processor));
                if (carefully) {
                    unitOfWork.afterCommit(committed -> careful.remove(processor));
                }
            }
            return chain.proceed();
        };
    }

    /** Runs {@code work} with handlers called without savepoints: a bulk replay rolls a failed batch back whole. */
    static void withoutSavepoints(Runnable work) {
        UNGUARDED.set(true);
        try {
            work.run();
        } finally {
            UNGUARDED.remove();
        }
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                Object bound = TransactionSynchronizationManager.getResource(dataSource);
                if (UNGUARDED.get() || !(bound instanceof ConnectionHolder holder)) {
                    return super.handle(message, target);
                }
                UnitOfWork<?> batch = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get() : null;
                if (batch != null && Boolean.FALSE.equals(batch.getResource(MODE))) {
                    return fast(batch, () -> super.handle(message, target));
                }
                return inSavepoint(holder.getConnection(), () -> super.handle(message, target));
            }
        };
    }

    private static Object fast(UnitOfWork<?> batch, Handling handling) throws Exception {
        try {
            return handling.handle();
        } catch (Exception | Error failure) {
            batch.onPrepareCommit(unused -> {
                throw new IllegalStateException("a handler failed in a batch without savepoints; it runs again with"
                        + " one per event", failure);
            });
            throw failure;
        }
    }

    private static Object inSavepoint(Connection connection, Handling handling) throws Exception {
        Savepoint savepoint = connection.setSavepoint();
        try {
            Object result = handling.handle();
            connection.releaseSavepoint(savepoint);
            return result;
        } catch (Exception | Error failure) {
            rollBack(connection, savepoint, failure);
            throw failure;
        }
    }

    private interface Handling {
        Object handle() throws Exception;
    }

    private static void rollBack(Connection connection, Savepoint savepoint, Throwable failure) {
        try {
            connection.rollback(savepoint);
        } catch (SQLException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }
}
