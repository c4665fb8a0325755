package com.firmos.command;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Turns domain refusals into {@link CommandExecutionException}s whose details carry the refusal, which is
 * the form in which Axon transports handler failures to the sender, locally or across a distributed bus.
 */
public class CommandRefusalInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        try {
            return chain.proceed();
        } catch (DomainException refused) {
            throw new CommandExecutionException(refused.getMessage(), null, refused.refusal());
        }
    }
}
