package com.firmos.command.crm;

import static com.firmos.command.RefusalMatchers.refusal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import com.firmos.api.messages.Actor;
import com.firmos.api.messages.RefusalCode;
import com.firmos.api.messages.crm.CompetitorMentionedEvent;
import com.firmos.api.messages.crm.CompetitorStatus;
import com.firmos.api.messages.crm.CreateDealCommand;
import com.firmos.api.messages.crm.DealCreatedEvent;
import com.firmos.api.messages.crm.DealLostEvent;
import com.firmos.api.messages.crm.DealSource;
import com.firmos.api.messages.crm.DealStage;
import com.firmos.api.messages.crm.DealStageChangedEvent;
import com.firmos.api.messages.crm.DealType;
import com.firmos.api.messages.crm.DealWonEvent;
import com.firmos.api.messages.crm.LoseDealCommand;
import com.firmos.api.messages.crm.MentionCompetitorCommand;
import com.firmos.api.messages.crm.MoveDealStageCommand;
import com.firmos.api.messages.crm.WinDealCommand;

class DealTest {

    static final String ORG = "org_acme";
    static final UUID CLIENT = UUID.fromString("c1000000-0000-4000-8000-000000000001");
    static final Actor ADMIN = new Actor("user_admin", "admin");
    static final Actor ASSIGNED = new Actor("user_ada", "consultant");
    static final Actor UNASSIGNED = new Actor("user_bob", "consultant");
    private static final UUID ID = UUID.fromString("de000000-0000-4000-8000-000000000001");
    private static final UUID COMPETITOR = UUID.fromString("cc000000-0000-4000-8000-000000000001");
    private static final BigDecimal VALUE = new BigDecimal("50000.00");
    private static final DealCreatedEvent CREATED = new DealCreatedEvent(ID, ORG, CLIENT, "ITSM implementation",
            DealType.NEW, DealSource.REFERRAL, VALUE, LocalDate.of(2027, 3, 31), "user_ada");

    private AggregateTestFixture<Deal> fixture;

    /** A client whose only assigned consultant is user_ada, and a catalogue with one competitor. */
    static ClientLookup clients() {
        return (clientId, organizationId, actor) -> {
            if (!CLIENT.equals(clientId) || !ORG.equals(organizationId)) {
                throw RepositoryClientLookup.unknown();
            }
            ClientAccessPolicy.requireWriter(actor, java.util.Map.of("user_ada",
                    com.firmos.api.messages.crm.AssignmentRole.LEAD));
            return new ClientFacts(CLIENT, Set.of());
        };
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Deal.class);
        fixture.registerInjectableResource(clients());
        fixture.registerInjectableResource((CompetitorLookup) (competitorId, organizationId) -> {
            if (!COMPETITOR.equals(competitorId)) {
                throw RepositoryCompetitorLookup.unknown();
            }
        });
    }

    @Test
    void assignedConsultantCanCreateDealAsLead() {
        fixture.givenNoPriorActivity()
                .when(new CreateDealCommand(ID, ORG, ASSIGNED, CLIENT, "ITSM implementation", DealType.NEW,
                        DealSource.REFERRAL, VALUE, LocalDate.of(2027, 3, 31), "user_ada"))
                .expectEvents(CREATED);
    }

    @Test
    void unassignedConsultantCannotCreateDeal() {
        fixture.givenNoPriorActivity()
                .when(new CreateDealCommand(ID, ORG, UNASSIGNED, CLIENT, "ITSM", DealType.NEW, DealSource.REFERRAL,
                        VALUE, null, "user_bob"))
                .expectException(refusal(RefusalCode.FORBIDDEN, null));
    }

    @Test
    void cannotCreateDealForUnknownClient() {
        fixture.givenNoPriorActivity()
                .when(new CreateDealCommand(ID, ORG, ADMIN, UUID.randomUUID(), "ITSM", DealType.NEW,
                        DealSource.REFERRAL, VALUE, null, "user_ada"))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "clientId"));
    }

    @Test
    void cannotCreateDealWithNegativeValue() {
        fixture.givenNoPriorActivity()
                .when(new CreateDealCommand(ID, ORG, ADMIN, CLIENT, "ITSM", DealType.NEW, DealSource.REFERRAL,
                        new BigDecimal("-5"), null, "user_ada"))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "value"));
    }

    @ParameterizedTest(name = "canMoveDealFrom{0}To{1}")
    @CsvSource({"LEAD, QUALIFIED", "QUALIFIED, DISCOVERY", "DISCOVERY, PROPOSAL", "PROPOSAL, NEGOTIATION",
            "QUALIFIED, LEAD", "DISCOVERY, LEAD", "NEGOTIATION, QUALIFIED", "PROPOSAL, DISCOVERY"})
    void canMoveForwardOneStageOrBackToAnyEarlierOpenStage(DealStage from, DealStage to) {
        Instant now = fixture.currentTime();
        fixture.given(historyAt(from))
                .when(new MoveDealStageCommand(ID, ORG, ADMIN, null, to))
                .expectEvents(new DealStageChangedEvent(ID, ORG, CLIENT, from, to, to.probability(),
                        now));
    }

    @ParameterizedTest(name = "cannotMoveDealFrom{0}To{1}")
    @CsvSource({"LEAD, DISCOVERY", "LEAD, NEGOTIATION", "QUALIFIED, PROPOSAL", "LEAD, LEAD", "PROPOSAL, PROPOSAL",
            "LEAD, CLOSED_WON", "NEGOTIATION, CLOSED_WON", "NEGOTIATION, CLOSED_LOST"})
    void cannotSkipStagesStayOrCloseByMoving(DealStage from, DealStage to) {
        fixture.given(historyAt(from))
                .when(new MoveDealStageCommand(ID, ORG, ADMIN, null, to))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, "stage"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "cannotMoveA{0}Deal")
    @EnumSource(value = DealStage.class, names = {"CLOSED_WON", "CLOSED_LOST"})
    void closedDealsDoNotMove(DealStage closed) {
        fixture.given(historyAt(closed))
                .when(new MoveDealStageCommand(ID, ORG, ADMIN, null, DealStage.LEAD))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, "stage"));
    }

    @ParameterizedTest(name = "canLoseDealIn{0}")
    @EnumSource(value = DealStage.class, names = {"LEAD", "QUALIFIED", "DISCOVERY", "PROPOSAL", "NEGOTIATION"})
    void anyOpenStageCanBeLostWithAReason(DealStage from) {
        LocalDate today = LocalDate.ofInstant(fixture.currentTime(), ZoneOffset.UTC);
        fixture.given(historyAt(from))
                .when(new LoseDealCommand(ID, ORG, ADMIN, "Budget frozen"))
                .expectEvents(new DealLostEvent(ID, ORG, CLIENT, from, "Budget frozen", today));
    }

    @Test
    void cannotLoseWithoutAReason() {
        fixture.given(CREATED)
                .when(new LoseDealCommand(ID, ORG, ADMIN, " "))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "reason"));
    }

    @Test
    void cannotLoseAWonDeal() {
        fixture.given(historyAt(DealStage.CLOSED_WON))
                .when(new LoseDealCommand(ID, ORG, ADMIN, "Changed our mind"))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, "stage"));
    }

    @Test
    void canWinADealInNegotiationFixingTheEngagementToOpen() {
        fixture.given(historyAt(DealStage.NEGOTIATION))
                .when(new WinDealCommand(ID, ORG, ADMIN))
                .expectEventsMatching(Matchers.exactSequenceOf(Matchers.messageWithPayload(Matchers.matches(
                        (Object payload) -> payload instanceof DealWonEvent won && won.openedEngagementId() != null
                                && won.value().equals(VALUE) && won.clientId().equals(CLIENT))),
                        Matchers.andNoMore()));
    }

    @ParameterizedTest(name = "cannotWinDealIn{0}")
    @EnumSource(value = DealStage.class, names = {"LEAD", "QUALIFIED", "DISCOVERY", "PROPOSAL", "CLOSED_LOST"})
    void onlyNegotiationCanBeWon(DealStage from) {
        fixture.given(historyAt(from))
                .when(new WinDealCommand(ID, ORG, ADMIN))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, "stage"));
    }

    @Test
    void unassignedConsultantCannotMoveTheDeal() {
        fixture.given(CREATED)
                .when(new MoveDealStageCommand(ID, ORG, UNASSIGNED, null, DealStage.QUALIFIED))
                .expectException(refusal(RefusalCode.FORBIDDEN, null));
    }

    @Test
    void canMentionCompetitorAndChangeItsStatus() {
        fixture.given(CREATED, new CompetitorMentionedEvent(ID, ORG, CLIENT, COMPETITOR, null,
                        CompetitorStatus.ACTIVE))
                .when(new MentionCompetitorCommand(ID, ORG, ADMIN, COMPETITOR, CompetitorStatus.DISPLACED))
                .expectEvents(new CompetitorMentionedEvent(ID, ORG, CLIENT, COMPETITOR, CompetitorStatus.ACTIVE,
                        CompetitorStatus.DISPLACED));
    }

    @Test
    void cannotMentionACompetitorOutsideTheCatalogue() {
        fixture.given(CREATED)
                .when(new MentionCompetitorCommand(ID, ORG, ADMIN, UUID.randomUUID(), CompetitorStatus.ACTIVE))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "competitorId"));
    }

    private static Object[] historyAt(DealStage stage) {
        List<Object> events = new ArrayList<>(List.of(CREATED));
        if (stage == DealStage.CLOSED_LOST) {
            events.add(new DealLostEvent(ID, ORG, CLIENT, DealStage.LEAD, "gone", LocalDate.of(2026, 11, 1)));
            return events.toArray();
        }
        DealStage current = DealStage.LEAD;
        for (DealStage next : DealStage.values()) {
            if (next.ordinal() <= current.ordinal() || next.ordinal() > Math.min(stage.ordinal(),
                    DealStage.NEGOTIATION.ordinal())) {
                continue;
            }
            events.add(new DealStageChangedEvent(ID, ORG, CLIENT, current, next, next.probability(),
                    Instant.parse("2026-11-01T00:00:00Z")));
            current = next;
        }
        if (stage == DealStage.CLOSED_WON) {
            events.add(new DealWonEvent(ID, ORG, CLIENT, "ITSM implementation", VALUE, LocalDate.of(2026, 11, 2),
                    UUID.randomUUID()));
        }
        return events.toArray();
    }
}
