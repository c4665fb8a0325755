package com.firmos.command.engagement;

import static com.firmos.command.RefusalMatchers.refusal;

import java.math.BigDecimal;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import com.firmos.api.messages.RefusalCode;
import com.firmos.api.messages.activity.PlaybookPhase;
import com.firmos.api.messages.engagement.AcceptProposalCommand;
import com.firmos.api.messages.engagement.ChangeProposalStatusCommand;
import com.firmos.api.messages.engagement.DraftProposalCommand;
import com.firmos.api.messages.engagement.EditProposalCommand;
import com.firmos.api.messages.engagement.ProposalAcceptedEvent;
import com.firmos.api.messages.engagement.ProposalDraftedEvent;
import com.firmos.api.messages.engagement.ProposalEditedEvent;
import com.firmos.api.messages.engagement.ProposalStatus;
import com.firmos.api.messages.engagement.ProposalStatusChangedEvent;
import com.firmos.command.Caller;
import com.firmos.command.KnownClients;
import com.firmos.command.KnownEngagements;

class ProposalTest {

    private static final String ORG = "org_acme";
    private static final UUID ID = UUID.fromString("9a000000-0000-4000-8000-000000000001");
    private static final UUID CLIENT = UUID.fromString("c1000000-0000-4000-8000-000000000001");
    private static final UUID ENGAGEMENT = UUID.fromString("11111111-2222-4333-8444-555555555555");
    private static final UUID OTHER_CLIENTS_ENGAGEMENT = UUID.fromString("22222222-2222-4333-8444-555555555555");
    private static final BigDecimal AMOUNT = new BigDecimal("48000.00");
    private static final ProposalDraftedEvent DRAFTED = new ProposalDraftedEvent(ID, ORG, CLIENT, null, null,
            "Transformation", AMOUNT);

    private AggregateTestFixture<Proposal> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Proposal.class);
        fixture.registerInjectableResource(KnownClients.assignedToClient(ORG, CLIENT));
        fixture.registerInjectableResource(new KnownEngagements().open(ENGAGEMENT, ORG, PlaybookPhase.ALIGN, CLIENT)
                .open(OTHER_CLIENTS_ENGAGEMENT, ORG, PlaybookPhase.ALIGN));
    }

    @ParameterizedTest
    @EnumSource(Caller.class)
    void onlyCallersWithWriteAccessToTheClientDraftProposals(Caller caller) {
        caller.expect(fixture.givenNoPriorActivity()
                .when(new DraftProposalCommand(ID, ORG, CLIENT, null, null, "Transformation", AMOUNT),
                        caller.metaData(ORG)), DRAFTED);
    }

    @ParameterizedTest
    @EnumSource(Caller.class)
    void onlyCallersWithWriteAccessToTheClientEditProposals(Caller caller) {
        caller.expect(fixture.given(DRAFTED)
                .when(new EditProposalCommand(ID, ORG, null, "Transformation", new BigDecimal("50000")),
                        caller.metaData(ORG)),
                new ProposalEditedEvent(ID, ORG, "Transformation", "Transformation", AMOUNT, new BigDecimal("50000")));
    }


    @Test
    void canDraftProposal() {
        fixture.givenNoPriorActivity()
                .when(new DraftProposalCommand(ID, ORG, CLIENT, null, null, "Transformation", AMOUNT))
                .expectEvents(DRAFTED);
    }

    @Test
    void cannotDraftProposalFundingAnotherClientsEngagement() {
        fixture.givenNoPriorActivity()
                .when(new DraftProposalCommand(ID, ORG, CLIENT, null, OTHER_CLIENTS_ENGAGEMENT, "Expansion", AMOUNT))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "fundedEngagementId"));
    }

    @Test
    void canDraftProposalFundingAnExistingEngagement() {
        fixture.givenNoPriorActivity()
                .when(new DraftProposalCommand(ID, ORG, CLIENT, null, ENGAGEMENT, "Expansion", AMOUNT))
                .expectEvents(new ProposalDraftedEvent(ID, ORG, CLIENT, null, ENGAGEMENT, "Expansion", AMOUNT));
    }

    @Test
    void cannotDraftForAnUnknownEngagement() {
        fixture.givenNoPriorActivity()
                .when(new DraftProposalCommand(ID, ORG, CLIENT, null, UUID.randomUUID(), "Expansion", AMOUNT))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "engagementId"));
    }

    @Test
    void cannotDraftWithNegativeAmount() {
        fixture.givenNoPriorActivity()
                .when(new DraftProposalCommand(ID, ORG, CLIENT, null, null, "T", new BigDecimal("-1")))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "amount"));
    }

    @Test
    void cannotDraftWithFractionsOfCents() {
        fixture.givenNoPriorActivity()
                .when(new DraftProposalCommand(ID, ORG, CLIENT, null, null, "T", new BigDecimal("1.001")))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "amount"));
    }

    @Test
    void canEditDraft() {
        fixture.given(DRAFTED)
                .when(new EditProposalCommand(ID, ORG, null, "Transformation", new BigDecimal("50000")))
                .expectEvents(new ProposalEditedEvent(ID, ORG, "Transformation", "Transformation", AMOUNT,
                        new BigDecimal("50000")));
    }

    @Test
    void cannotEditSentProposal() {
        fixture.given(DRAFTED, changed(ProposalStatus.DRAFT, ProposalStatus.SENT))
                .when(new EditProposalCommand(ID, ORG, null, "Other", AMOUNT))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, "status"));
    }

    @ParameterizedTest(name = "canMove{0}ProposalTo{1}")
    @CsvSource({"DRAFT, SENT", "SENT, VIEWED", "SENT, EXPIRED", "VIEWED, REJECTED", "VIEWED, EXPIRED"})
    void canMakeAllowedStatusChange(ProposalStatus from, ProposalStatus to) {
        fixture.given(historyReaching(from))
                .when(new ChangeProposalStatusCommand(ID, ORG, null, to))
                .expectEvents(changed(from, to));
    }

    @ParameterizedTest(name = "cannotMove{0}ProposalTo{1}")
    @CsvSource({"DRAFT, VIEWED", "DRAFT, REJECTED", "DRAFT, EXPIRED", "DRAFT, DRAFT", "SENT, DRAFT", "SENT, REJECTED",
            "VIEWED, SENT", "REJECTED, VIEWED", "EXPIRED, SENT", "REJECTED, EXPIRED"})
    void cannotMakeRefusedStatusChange(ProposalStatus from, ProposalStatus to) {
        fixture.given(historyReaching(from))
                .when(new ChangeProposalStatusCommand(ID, ORG, null, to))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, "status"))
                .expectNoEvents();
    }

    @Test
    void acceptingIsNotAStatusChange() {
        fixture.given(historyReaching(ProposalStatus.VIEWED))
                .when(new ChangeProposalStatusCommand(ID, ORG, null, ProposalStatus.ACCEPTED))
                .expectException(refusal(RefusalCode.INVALID_VALUE, "status"));
    }

    @Test
    void canAcceptViewedProposalWhichOpensANewEngagement() {
        fixture.given(historyReaching(ProposalStatus.VIEWED))
                .when(new AcceptProposalCommand(ID, ORG, "user_client"))
                .expectEventsMatching(Matchers.exactSequenceOf(Matchers.messageWithPayload(
                        Matchers.matches((Object payload) -> payload instanceof ProposalAcceptedEvent accepted
                                && accepted.newEngagement() && accepted.convertedEngagementId() != null
                                && accepted.orderId() != null && accepted.amount().equals(AMOUNT)
                                && "user_client".equals(accepted.acceptedBy()))),
                        Matchers.andNoMore()));
    }

    @Test
    void acceptingAProposalForAnExistingEngagementFundsThatEngagement() {
        fixture.given(new ProposalDraftedEvent(ID, ORG, CLIENT, null, ENGAGEMENT, "Expansion", AMOUNT),
                        changed(ProposalStatus.DRAFT, ProposalStatus.SENT),
                        changed(ProposalStatus.SENT, ProposalStatus.VIEWED))
                .when(new AcceptProposalCommand(ID, ORG, "user_client"))
                .expectEventsMatching(Matchers.exactSequenceOf(Matchers.messageWithPayload(
                        Matchers.matches((Object payload) -> payload instanceof ProposalAcceptedEvent accepted
                                && !accepted.newEngagement() && ENGAGEMENT.equals(accepted.convertedEngagementId()))),
                        Matchers.andNoMore()));
    }

    @Test
    void retriedAcceptChangesNothing() {
        fixture.given(historyReaching(ProposalStatus.VIEWED)).andGiven(accepted())
                .when(new AcceptProposalCommand(ID, ORG, "user_client"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotAcceptAProposalTheClientHasNotViewed() {
        fixture.given(historyReaching(ProposalStatus.SENT))
                .when(new AcceptProposalCommand(ID, ORG, "user_client"))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, "status"));
    }

    @Test
    void cannotAcceptARejectedProposal() {
        fixture.given(historyReaching(ProposalStatus.REJECTED))
                .when(new AcceptProposalCommand(ID, ORG, "user_client"))
                .expectException(refusal(RefusalCode.INVALID_TRANSITION, "status"));
    }

    @Test
    void anotherTenantFindsNoProposal() {
        fixture.given(DRAFTED)
                .when(new ChangeProposalStatusCommand(ID, "org_other", null, ProposalStatus.SENT))
                .expectException(refusal(RefusalCode.NOT_FOUND, null));
    }

    private static Object[] historyReaching(ProposalStatus status) {
        return switch (status) {
            case DRAFT -> new Object[] {DRAFTED};
            case SENT -> new Object[] {DRAFTED, changed(ProposalStatus.DRAFT, ProposalStatus.SENT)};
            case VIEWED, ACCEPTED -> new Object[] {DRAFTED, changed(ProposalStatus.DRAFT, ProposalStatus.SENT),
                    changed(ProposalStatus.SENT, ProposalStatus.VIEWED)};
            case REJECTED, EXPIRED -> new Object[] {DRAFTED, changed(ProposalStatus.DRAFT, ProposalStatus.SENT),
                    changed(ProposalStatus.SENT, ProposalStatus.VIEWED), changed(ProposalStatus.VIEWED, status)};
        };
    }

    private static ProposalStatusChangedEvent changed(ProposalStatus from, ProposalStatus to) {
        return new ProposalStatusChangedEvent(ID, ORG, from, to);
    }

    private static ProposalAcceptedEvent accepted() {
        return new ProposalAcceptedEvent(ID, ORG, CLIENT, null, UUID.randomUUID(), true, UUID.randomUUID(),
                "Transformation", AMOUNT, "user_client", java.time.Instant.parse("2026-11-01T00:00:00Z"));
    }
}
