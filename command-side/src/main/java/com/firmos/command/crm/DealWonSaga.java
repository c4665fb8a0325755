package com.firmos.command.crm;

import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;

import com.firmos.api.messages.crm.DealWonEvent;
import com.firmos.api.messages.engagement.EngagementOpenedEvent;
import com.firmos.api.messages.engagement.OpenEngagementCommand;

/**
 * A won deal opens an engagement for the client, linked to the deal and budgeted with its value. The engagement
 * id is fixed in the won event and opening is idempotent, so a redelivered event opens nothing twice.
 */
@Saga
public class DealWonSaga {

    private UUID engagementId;

    @Autowired
    private transient CommandGateway commandGateway;

    @StartSaga
    @SagaEventHandler(associationProperty = "dealId")
    void on(DealWonEvent event) {
        if (engagementId != null) {
            return;
        }
        engagementId = event.openedEngagementId();
        SagaLifecycle.associateWith("engagementId", engagementId.toString());
        commandGateway.send(new OpenEngagementCommand(engagementId, event.organizationId(), event.clientId(),
                event.name(), null, event.dealId(), null, null, event.value()));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "engagementId")
    void on(EngagementOpenedEvent event) {
        // The engagement exists: the deal is converted.
    }
}
