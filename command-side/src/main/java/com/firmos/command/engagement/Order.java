package com.firmos.command.engagement;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import com.firmos.api.messages.RefusalCode;
import com.firmos.api.messages.engagement.OrderPlacedEvent;
import com.firmos.api.messages.engagement.PlaceOrderCommand;
import com.firmos.command.DomainException;
import com.firmos.command.FieldRules;

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

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(PlaceOrderCommand command) {
        if (orderId != null) {
            if (!organizationId.equals(command.organizationId()) || !engagementId.equals(command.engagementId())) {
                throw new DomainException(RefusalCode.ALREADY_EXISTS, "id", "an order with this id exists");
            }
            return;
        }
        FieldRules.required("engagementId", command.engagementId());
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
