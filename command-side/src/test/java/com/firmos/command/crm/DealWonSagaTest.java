package com.firmos.command.crm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.Test;

import com.firmos.api.messages.crm.DealWonEvent;
import com.firmos.api.messages.engagement.EngagementOpenedEvent;
import com.firmos.api.messages.engagement.OpenEngagementCommand;

class DealWonSagaTest {

    private static final UUID DEAL = UUID.fromString("de000000-0000-4000-8000-000000000001");
    private static final UUID ENGAGEMENT = UUID.fromString("11111111-2222-4333-8444-555555555555");
    private static final BigDecimal VALUE = new BigDecimal("50000.00");
    private static final DealWonEvent WON = new DealWonEvent(DEAL, DealTest.ORG, DealTest.CLIENT, "ITSM", VALUE,
            LocalDate.of(2026, 11, 20), ENGAGEMENT);

    private final SagaTestFixture<DealWonSaga> fixture = new SagaTestFixture<>(DealWonSaga.class);

    @Test
    void wonDealOpensAnEngagementLinkedToItWithItsValueAsBudget() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(WON)
                .expectActiveSagas(1)
                .expectDispatchedCommands(new OpenEngagementCommand(ENGAGEMENT, DealTest.ORG, DealTest.CLIENT, "ITSM",
                        null, DEAL, null, null, VALUE));
    }

    @Test
    void redeliveredWinOpensNothingTwice() {
        fixture.givenAPublished(WON)
                .whenPublishingA(WON)
                .expectNoDispatchedCommands();
    }

    @Test
    void openedEngagementEndsTheSaga() {
        fixture.givenAPublished(WON)
                .whenPublishingA(new EngagementOpenedEvent(ENGAGEMENT, DealTest.ORG, DealTest.CLIENT, "ITSM", null,
                        DEAL, null, null, VALUE))
                .expectActiveSagas(0);
    }
}
