package com.firmos.rest.idempotency;

import java.util.Map;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records the step of a keyed request's command once its handler accepted it, inside the unit of work's
 * transaction: the step commits with the command's events or not at all, so a retry never skips a command whose
 * events were lost, nor repeats one whose events were stored.
 */
class StepRecorder implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final RequestSteps steps;

    StepRecorder(RequestSteps steps) {
        this.steps = steps;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        Object result = chain.proceed();
        if (unitOfWork.getMessage().getMetaData().get(RequestSteps.METADATA) instanceof Map<?, ?> step) {
            // Written outside the events' transaction, a step could outlive them: the retry would skip a lost write.
            if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                throw new IllegalStateException("a keyed request's command runs without a transaction");
            }
            steps.record(step);
        }
        return result;
    }
}
