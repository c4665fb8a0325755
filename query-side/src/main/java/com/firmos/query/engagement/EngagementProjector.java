package com.firmos.query.engagement;

import static com.firmos.query.Jdbc.utc;
import static com.firmos.query.WireValues.wire;

import java.time.Instant;
import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.firmos.api.messages.engagement.EngagementClosedEvent;
import com.firmos.api.messages.engagement.EngagementOpenedEvent;
import com.firmos.api.messages.engagement.EngagementPausedEvent;
import com.firmos.api.messages.engagement.EngagementPhaseChangedEvent;
import com.firmos.api.messages.engagement.EngagementRenamedEvent;
import com.firmos.api.messages.engagement.EngagementResumedEvent;
import com.firmos.api.messages.engagement.OrderPlacedEvent;
import com.firmos.api.messages.engagement.ProposalAcceptedEvent;
import com.firmos.api.messages.engagement.ProposalDraftedEvent;
import com.firmos.api.messages.engagement.ProposalEditedEvent;
import com.firmos.api.messages.engagement.ProposalStatusChangedEvent;
import com.firmos.query.ProjectionTables;

/**
 * Builds the engagements, their orders and proposals, in the engagement hub's processing group. Rows carry the
 * aggregate version they reflect and every update is guarded by it ({@link EngagementHub}), so redelivery changes
 * nothing; queries live beside it in {@link EngagementQueries}.
 */
@Component
@ProcessingGroup(EngagementHub.PROCESSING_GROUP)
public class EngagementProjector implements ProjectionTables {

    private static final List<String> TABLES = List.of("proposal", "engagement_order", "engagement");

    private final JdbcClient jdbc;
    private final EngagementHub hub;

    EngagementProjector(JdbcClient jdbc, EngagementHub hub) {
        this.jdbc = jdbc;
        this.hub = hub;
    }

    @EventHandler
    void on(EngagementOpenedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.sql("""
                INSERT INTO engagement (id, organization_id, client_id, name, status, phase, deal_id, proposal_id,
                    contract_id, budget, version, created_at, updated_at)
                VALUES (:id, :org, :client, :name, 'active', :phase, :deal, :proposal, :contract, :budget, :version,
                    :at, :at)
                ON CONFLICT (organization_id, id) DO NOTHING""")
                .param("id", event.engagementId()).param("org", event.organizationId())
                .param("client", event.clientId()).param("name", event.name()).param("phase", wire(event.phase()))
                .param("deal", event.dealId()).param("proposal", event.proposalId())
                .param("contract", event.contractId()).param("budget", event.budget())
                .param("version", version).param("at", utc(at))
                .update();
    }

    @EventHandler
    void on(EngagementRenamedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        hub.update("engagement", event.organizationId(), event.engagementId(), version, at, "name = :value",
                event.name());
    }

    @EventHandler
    void on(EngagementPausedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        hub.update("engagement", event.organizationId(), event.engagementId(), version, at, "status = :value",
                "paused");
    }

    @EventHandler
    void on(EngagementResumedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        hub.update("engagement", event.organizationId(), event.engagementId(), version, at, "status = :value",
                "active");
    }

    @EventHandler
    void on(EngagementClosedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        hub.update("engagement", event.organizationId(), event.engagementId(), version, at,
                "status = 'closed', close_outcome = :value, closed_at = :at", wire(event.outcome()));
    }

    @EventHandler
    void on(EngagementPhaseChangedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        hub.update("engagement", event.organizationId(), event.engagementId(), version, at,
                "phase = :value", wire(event.newPhase()));
    }

    @EventHandler
    void on(OrderPlacedEvent event, @Timestamp Instant at) {
        jdbc.sql("""
                INSERT INTO engagement_order (order_id, organization_id, engagement_id, proposal_id, amount,
                    currency, placed_at)
                VALUES (:id, :org, :engagement, :proposal, :amount, :currency, :at)
                ON CONFLICT (organization_id, order_id) DO NOTHING""")
                .param("id", event.orderId()).param("org", event.organizationId())
                .param("engagement", event.engagementId()).param("proposal", event.proposalId())
                .param("amount", event.amount()).param("currency", event.currency()).param("at", utc(at))
                .update();
    }

    @EventHandler
    void on(ProposalDraftedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.sql("""
                INSERT INTO proposal (id, organization_id, client_id, deal_id, engagement_id, title, amount, status,
                    version, created_at, updated_at)
                VALUES (:id, :org, :client, :deal, :engagement, :title, :amount, 'draft', :version, :at, :at)
                ON CONFLICT (organization_id, id) DO NOTHING""")
                .param("id", event.proposalId()).param("org", event.organizationId())
                .param("client", event.clientId()).param("deal", event.dealId())
                .param("engagement", event.fundedEngagementId()).param("title", event.title())
                .param("amount", event.amount()).param("version", version).param("at", utc(at))
                .update();
    }

    @EventHandler
    void on(ProposalEditedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        if (hub.advance("proposal", event.organizationId(), event.proposalId(), version, at)) {
            jdbc.sql("UPDATE proposal SET title = :title, amount = :amount"
                            + " WHERE organization_id = :org AND id = :id")
                    .param("title", event.title()).param("amount", event.amount()).param("id", event.proposalId())
                    .param("org", event.organizationId())
                    .update();
        }
    }

    @EventHandler
    void on(ProposalStatusChangedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        hub.update("proposal", event.organizationId(), event.proposalId(), version, at,
                "status = :value", wire(event.newStatus()));
    }

    @EventHandler
    void on(ProposalAcceptedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        if (hub.advance("proposal", event.organizationId(), event.proposalId(), version, at)) {
            jdbc.sql("""
                    UPDATE proposal SET status = 'accepted', engagement_id = :engagement, order_id = :order,
                        accepted_by = :by, accepted_at = :acceptedAt
                    WHERE organization_id = :org AND id = :id""")
                    .param("engagement", event.convertedEngagementId()).param("order", event.orderId())
                    .param("by", event.acceptedBy()).param("acceptedAt", utc(event.acceptedAt()))
                    .param("id", event.proposalId())
                    .param("org", event.organizationId())
                    .update();
        }
    }

    @ResetHandler
    void reset() {
        clearTables(jdbc);
    }

    @Override
    public String processingGroup() {
        return EngagementHub.PROCESSING_GROUP;
    }

    @Override
    public List<String> tables() {
        return TABLES;
    }
}
