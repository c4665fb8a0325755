package com.firmos.platform.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

import com.firmos.api.messages.activity.ActivitySuggestionDismissedEvent;
import com.firmos.api.messages.engagement.ProposalDraftedEvent;
import com.firmos.api.messages.engagement.ProposalEditedEvent;
import com.firmos.api.messages.project.ProjectDeletedEvent;
import com.firmos.api.messages.revenue.BillRecordedEvent;

class ScopeSequencingPolicyTest {

    private static final String ORG = "org_acme";
    private static final UUID ENGAGEMENT = UUID.fromString("e1000000-0000-4000-8000-000000000001");
    private static final UUID CLIENT = UUID.fromString("c1000000-0000-4000-8000-000000000001");
    private static final UUID PROPOSAL = UUID.fromString("9a000000-0000-4000-8000-000000000001");

    private final ScopeSequencingPolicy<?> byEngagement = ScopeSequencingPolicy.byEngagement();
    private final ScopeSequencingPolicy<?> byClient = ScopeSequencingPolicy.byClient();

    @Test
    void eventsOfDifferentAggregatesOfOneEngagementShareOneSequence() {
        Object dismissed = byEngagement.getSequenceIdentifierFor(message(UUID.randomUUID(),
                new ActivitySuggestionDismissedEvent(UUID.randomUUID(), ORG, ENGAGEMENT, "not now")));
        Object deleted = byEngagement.getSequenceIdentifierFor(message(UUID.randomUUID(),
                new ProjectDeletedEvent(UUID.randomUUID(), ORG, ENGAGEMENT, null)));

        assertThat(dismissed).isEqualTo(deleted).isEqualTo("engagementId:" + ENGAGEMENT);
    }

    @Test
    void aProposalDraftIsInItsClientsSequenceAndItsEditInItsOwn() {
        Object drafted = byClient.getSequenceIdentifierFor(message(PROPOSAL,
                new ProposalDraftedEvent(PROPOSAL, ORG, CLIENT, null, null, "Rollout", BigDecimal.TEN)));
        Object edited = byClient.getSequenceIdentifierFor(message(PROPOSAL,
                new ProposalEditedEvent(PROPOSAL, ORG, "Rollout", "Rollout II", BigDecimal.TEN, BigDecimal.TWO)));

        assertThat(drafted).isEqualTo("clientId:" + CLIENT);
        assertThat(edited).isEqualTo(PROPOSAL.toString());
    }

    @Test
    void aBillOutsideAnyEngagementKeepsItsOwnSequence() {
        UUID bill = UUID.randomUUID();

        Object recorded = byEngagement.getSequenceIdentifierFor(message(bill, new BillRecordedEvent(bill, ORG,
                UUID.randomUUID(), null, "V-77", BigDecimal.TEN, "USD", LocalDate.of(2026, 12, 15), "Venue")));

        assertThat(recorded).isEqualTo(bill.toString());
    }

    private static EventMessage<?> message(UUID aggregate, Object payload) {
        return new GenericDomainEventMessage<>("Aggregate", aggregate.toString(), 0, payload);
    }
}
