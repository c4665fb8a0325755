package com.firmos.platform.consistency;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tells the writes waiting for the projections when a processor's batch has committed on this node. */
@Configuration(proxyBeanMethods = false)
class CommittedBatches {

    private static final String ANNOUNCED = CommittedBatches.class.getName() + ".announced";

    /**
     * Once per batch, at its clean-up: Axon moves a segment's status in the batch's after-commit phase, which ends
     * before clean-up begins, so a waiter woken then sees the new position. The waiters are found at the first
     * batch: they need the event store, which needs Axon's configuration this module is part of.
     */
    @Bean
    ConfigurerModule committedBatchesWakeTheWaiters(ObjectProvider<ProjectionCatchUp> waiters) {
        MessageHandlerInterceptor<EventMessage<?>> announcing = (unitOfWork, chain) -> {
            if (unitOfWork instanceof BatchingUnitOfWork<?> && unitOfWork.getResource(ANNOUNCED) == null) {
                unitOfWork.resources().put(ANNOUNCED, true);
                unitOfWork.onCleanup(done -> waiters.getObject().batchCommitted());
            }
            return chain.proceed();
        };
        return configurer -> configurer.eventProcessing()
                .registerDefaultHandlerInterceptor((configuration, processor) -> announcing);
    }
}
