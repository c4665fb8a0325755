package com.firmos.command.engagement;

import static com.firmos.command.RefusalMatchers.refusal;

import java.math.BigDecimal;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.firmos.api.messages.RefusalCode;
import com.firmos.api.messages.engagement.OrderPlacedEvent;
import com.firmos.api.messages.engagement.PlaceOrderCommand;
import com.firmos.command.Caller;
import com.firmos.command.KnownClients;

class OrderTest {

    private static final String ORG = "org_acme";
    private static final UUID ID = UUID.fromString("0d000000-0000-4000-8000-000000000001");
    private static final UUID ENGAGEMENT = UUID.fromString("11111111-2222-4333-8444-555555555555");
    private static final UUID PROPOSAL = UUID.fromString("9a000000-0000-4000-8000-000000000001");

    private AggregateTestFixture<Order> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Order.class);
        fixture.registerInjectableResource(KnownClients.assignedToEngagement(ORG, ENGAGEMENT));
    }

    @ParameterizedTest
    @EnumSource(Caller.class)
    void onlyCallersWithWriteAccessToTheEngagementsClientPlaceOrders(Caller caller) {
        caller.expect(fixture.givenNoPriorActivity()
                .when(new PlaceOrderCommand(ID, ORG, ENGAGEMENT, PROPOSAL, BigDecimal.TEN, null), caller.metaData(ORG)),
                new OrderPlacedEvent(ID, ORG, ENGAGEMENT, PROPOSAL, BigDecimal.TEN, "USD"));
    }

    @ParameterizedTest
    @EnumSource(Caller.class)
    void onlyCallersWithWriteAccessToTheEngagementsClientRetryAnOrder(Caller caller) {
        // An order has no change but its retried placement, which the interceptor checks like a change.
        OrderPlacedEvent placed = new OrderPlacedEvent(ID, ORG, ENGAGEMENT, PROPOSAL, BigDecimal.TEN, "USD");
        caller.expect(fixture.given(placed)
                .when(new PlaceOrderCommand(ID, ORG, ENGAGEMENT, PROPOSAL, BigDecimal.TEN, null),
                        caller.metaData(ORG)));
    }


    @Test
    void canPlaceOrderInUsd() {
        fixture.givenNoPriorActivity()
                .when(new PlaceOrderCommand(ID, ORG, ENGAGEMENT, PROPOSAL, new BigDecimal("48000.00"), null))
                .expectEvents(new OrderPlacedEvent(ID, ORG, ENGAGEMENT, PROPOSAL, new BigDecimal("48000.00"), "USD"));
    }

    @Test
    void retriedOrderChangesNothing() {
        fixture.given(new OrderPlacedEvent(ID, ORG, ENGAGEMENT, PROPOSAL, BigDecimal.TEN, "USD"))
                .when(new PlaceOrderCommand(ID, ORG, ENGAGEMENT, PROPOSAL, BigDecimal.TEN, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotPlaceOrderInAnotherCurrency() {
        fixture.givenNoPriorActivity()
                .when(new PlaceOrderCommand(ID, ORG, ENGAGEMENT, PROPOSAL, BigDecimal.TEN, "EUR"))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "currency"));
    }

    @Test
    void cannotPlaceOrderWithoutEngagement() {
        fixture.givenNoPriorActivity()
                .when(new PlaceOrderCommand(ID, ORG, null, PROPOSAL, BigDecimal.TEN, null))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "engagementId"));
    }
}
