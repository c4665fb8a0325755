package com.firmos.command.engagement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.firmos.api.messages.engagement.EngagementFundedEvent;
import com.firmos.api.messages.engagement.EngagementOpenedEvent;
import com.firmos.api.messages.engagement.OpenEngagementCommand;
import com.firmos.api.messages.engagement.OrderPlacedEvent;
import com.firmos.api.messages.engagement.PlaceOrderCommand;
import com.firmos.api.messages.engagement.ProposalAcceptedEvent;
import com.firmos.api.messages.engagement.RecordEngagementFundingCommand;

class ProposalAcceptanceSagaTest {

    private static final String ORG = "org_acme";
    private static final UUID PROPOSAL = UUID.fromString("9a000000-0000-4000-8000-000000000001");
    private static final UUID CLIENT = UUID.fromString("c1000000-0000-4000-8000-000000000001");
    private static final UUID DEAL = UUID.fromString("de000000-0000-4000-8000-000000000001");
    private static final UUID ENGAGEMENT = UUID.fromString("11111111-2222-4333-8444-555555555555");
    private static final UUID ORDER = UUID.fromString("0d000000-0000-4000-8000-000000000001");
    private static final BigDecimal AMOUNT = new BigDecimal("48000.00");

    private SagaTestFixture<ProposalAcceptanceSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(ProposalAcceptanceSaga.class);
    }

    @Test
    void acceptedProposalOpensTheEngagement() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(accepted(true))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new OpenEngagementCommand(ENGAGEMENT, ORG, CLIENT, "Transformation", null,
                        DEAL, PROPOSAL, null, AMOUNT));
    }

    @Test
    void openedEngagementGetsTheOrderPlaced() {
        fixture.givenAPublished(accepted(true))
                .whenPublishingA(new EngagementOpenedEvent(ENGAGEMENT, ORG, CLIENT, "Transformation", null, DEAL,
                        PROPOSAL, null, AMOUNT))
                .expectDispatchedCommands(new PlaceOrderCommand(ORDER, ORG, ENGAGEMENT, PROPOSAL, AMOUNT, null));
    }

    @Test
    void placedOrderIsRecordedAsFunding() {
        fixture.givenAPublished(accepted(true))
                .andThenAPublished(opened())
                .whenPublishingA(new OrderPlacedEvent(ORDER, ORG, ENGAGEMENT, PROPOSAL, AMOUNT, "USD"))
                .expectDispatchedCommands(new RecordEngagementFundingCommand(ENGAGEMENT, ORG, ORDER));
    }

    @Test
    void fundingEndsTheSaga() {
        fixture.givenAPublished(accepted(true))
                .andThenAPublished(opened())
                .andThenAPublished(new OrderPlacedEvent(ORDER, ORG, ENGAGEMENT, PROPOSAL, AMOUNT, "USD"))
                .whenPublishingA(new EngagementFundedEvent(ENGAGEMENT, ORG, ORDER))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    @Test
    void proposalForAnExistingEngagementPlacesTheOrderStraightAway() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(accepted(false))
                .expectDispatchedCommands(new PlaceOrderCommand(ORDER, ORG, ENGAGEMENT, PROPOSAL, AMOUNT, null));
    }

    @Test
    void redeliveredAcceptanceStartsNothingTwice() {
        fixture.givenAPublished(accepted(true))
                .whenPublishingA(accepted(true))
                .expectActiveSagas(1)
                .expectNoDispatchedCommands();
    }

    @Test
    void redeliveredOpeningPlacesNoSecondOrder() {
        fixture.givenAPublished(accepted(true))
                .andThenAPublished(opened())
                .whenPublishingA(opened())
                .expectNoDispatchedCommands();
    }

    @Test
    void fundingByAnotherOrderDoesNotEndTheSaga() {
        fixture.givenAPublished(accepted(true))
                .andThenAPublished(opened())
                .whenPublishingA(new EngagementFundedEvent(ENGAGEMENT, ORG, UUID.randomUUID()))
                .expectActiveSagas(1);
    }

    private static ProposalAcceptedEvent accepted(boolean newEngagement) {
        return new ProposalAcceptedEvent(PROPOSAL, ORG, CLIENT, DEAL, ENGAGEMENT, newEngagement, ORDER,
                "Transformation", AMOUNT, "user_client", Instant.parse("2026-11-20T10:00:00Z"));
    }

    private static EngagementOpenedEvent opened() {
        return new EngagementOpenedEvent(ENGAGEMENT, ORG, CLIENT, "Transformation", null, DEAL, PROPOSAL, null,
                AMOUNT);
    }
}
