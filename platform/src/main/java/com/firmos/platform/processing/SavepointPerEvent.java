package com.firmos.platform.processing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;

import javax.sql.DataSource;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs every event handler inside a savepoint of the batch's transaction. PostgreSQL refuses every statement
 * after a failed one until the transaction ends, so without it a failing projector would also take down the
 * dead-letter queue's insert and every other event of the batch. Rolling back to the savepoint undoes the
 * failed event's partial writes, the dead-letter queue parks it, and the batch commits the rest.
 */
@Component
class SavepointPerEvent implements HandlerEnhancerDefinition {

    private final DataSource dataSource;

    SavepointPerEvent(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                if (!(TransactionSynchronizationManager.getResource(dataSource) instanceof ConnectionHolder holder)) {
                    return super.handle(message, target);
                }
                Connection connection = holder.getConnection();
                Savepoint savepoint = connection.setSavepoint();
                try {
                    Object result = super.handle(message, target);
                    connection.releaseSavepoint(savepoint);
                    return result;
                } catch (Exception | Error failure) {
                    rollBack(connection, savepoint, failure);
                    throw failure;
                }
            }
        };
    }

    private static void rollBack(Connection connection, Savepoint savepoint, Throwable failure) {
        try {
            connection.rollback(savepoint);
        } catch (SQLException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }
}
