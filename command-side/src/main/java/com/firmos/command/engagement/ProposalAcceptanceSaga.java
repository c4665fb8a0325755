package com.firmos.command.engagement;

import java.math.BigDecimal;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;

import com.firmos.api.messages.engagement.EngagementFundedEvent;
import com.firmos.api.messages.engagement.EngagementOpenedEvent;
import com.firmos.api.messages.engagement.OpenEngagementCommand;
import com.firmos.api.messages.engagement.OrderPlacedEvent;
import com.firmos.api.messages.engagement.PlaceOrderCommand;
import com.firmos.api.messages.engagement.ProposalAcceptedEvent;
import com.firmos.api.messages.engagement.RecordEngagementFundingCommand;

/**
 * A signed proposal becomes an engagement funded by an order: open the engagement (unless the proposal funds an
 * existing one), place the order, record the funding. The ids come from the acceptance event and every command
 * is idempotent, so a redelivered event or a step retried after a crash changes nothing twice.
 */
@Saga
public class ProposalAcceptanceSaga {

    private UUID proposalId;
    private String organizationId;
    private UUID clientId;
    private UUID dealId;
    private UUID engagementId;
    private UUID orderId;
    private String title;
    private BigDecimal amount;
    private boolean orderRequested;

    @Autowired
    private transient CommandGateway commandGateway;

    @StartSaga
    @SagaEventHandler(associationProperty = "proposalId")
    void on(ProposalAcceptedEvent event) {
        if (proposalId != null) {
            return;
        }
        proposalId = event.proposalId();
        organizationId = event.organizationId();
        clientId = event.clientId();
        dealId = event.dealId();
        engagementId = event.convertedEngagementId();
        orderId = event.orderId();
        title = event.title();
        amount = event.amount();
        SagaLifecycle.associateWith("engagementId", engagementId.toString());
        SagaLifecycle.associateWith("orderId", orderId.toString());
        if (event.newEngagement()) {
            commandGateway.send(new OpenEngagementCommand(engagementId, organizationId, clientId, title, null,
                    dealId, proposalId, null, amount));
        } else {
            placeOrder();
        }
    }

    @SagaEventHandler(associationProperty = "engagementId")
    void on(EngagementOpenedEvent event) {
        placeOrder();
    }

    @SagaEventHandler(associationProperty = "orderId")
    void on(OrderPlacedEvent event) {
        commandGateway.send(new RecordEngagementFundingCommand(engagementId, organizationId, orderId));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "orderId")
    void on(EngagementFundedEvent event) {
        // The order funds the engagement: the proposal is fully converted.
    }

    private void placeOrder() {
        if (orderRequested) {
            return;
        }
        orderRequested = true;
        commandGateway.send(new PlaceOrderCommand(orderId, organizationId, engagementId, proposalId, amount, null));
    }
}
