package com.firmos.command.engagement;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import com.firmos.api.messages.RefusalCode;
import com.firmos.api.messages.engagement.OrderPlacedEvent;
import com.firmos.api.messages.engagement.PlaceOrderCommand;
import com.firmos.command.ClientWriteAccess;
import com.firmos.command.DomainException;
import com.firmos.command.FieldRules;
import com.firmos.command.Refusals;

/** The financial record of a signed proposal. It is never deleted, whatever becomes of the engagement. */
@Aggregate
class Order {

    static final String CURRENCY = "USD";

    @AggregateIdentifier
    private UUID orderId;
    private String organizationId;
    private UUID engagementId;

    Order() {
    }

    /** Every change needs write access to the engagement's client; creations check it in their handlers. */
    @CommandHandlerInterceptor
    void requireWriteAccess(CommandMessage<?> command, ClientWriteAccess access) {
        if (orderId != null) {
            access.requireOnEngagement(engagementId, organizationId, command.getMetaData());
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(PlaceOrderCommand command, MetaData metaData, ClientWriteAccess access) {
        if (orderId != null) {
            if (!organizationId.equals(command.organizationId()) || !engagementId.equals(command.engagementId())) {
                throw Refusals.idTaken();
            }
            return;
        }
        FieldRules.required("engagementId", command.engagementId());
        access.requireForEngagement(command.engagementId(), command.organizationId(), metaData);
        FieldRules.usdAmount("amount", command.amount());
        String currency = command.currency() == null ? CURRENCY : command.currency();
        if (!CURRENCY.equals(currency)) {
            throw DomainException.invalid("currency", "orders are in USD only");
        }
        apply(new OrderPlacedEvent(command.orderId(), command.organizationId(), command.engagementId(),
                command.proposalId(), command.amount(), currency));
    }

    @EventSourcingHandler
    void on(OrderPlacedEvent event) {
        orderId = event.orderId();
        organizationId = event.organizationId();
        engagementId = event.engagementId();
    }
}
