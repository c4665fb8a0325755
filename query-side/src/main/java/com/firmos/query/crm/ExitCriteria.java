package com.firmos.query.crm;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.firmos.api.messages.crm.DealStage;
import com.firmos.api.messages.crm.ExitCriterion;

/**
 * The exit criteria of each stage (docs/DOMAIN.md, "Deals and pipeline"), judged from the CRM read model as it
 * stands when a deal leaves the stage. The CRM projector handles one client's events in order, so "as it stands"
 * is the same on every replay.
 */
@Component
class ExitCriteria {

    private final JdbcClient jdbc;

    ExitCriteria(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ExitCriterion> of(String org, DealStage left, DealStage entered, UUID dealId, UUID clientId, Instant at) {
        return switch (left) {
            case LEAD -> List.of(new ExitCriterion("initial contact made", interactionBefore(org, clientId, at)));
            case QUALIFIED -> List.of(
                    new ExitCriterion("MEDDPICC fields populated", meddpiccFilled(org, clientId) == 6),
                    new ExitCriterion("champion identified", hasRole(org, clientId, "champion")));
            case DISCOVERY -> List.of(
                    new ExitCriterion("pain identified", filled(org, clientId, "identified_pain")),
                    new ExitCriterion("metrics defined", filled(org, clientId, "metrics")));
            case PROPOSAL -> List.of(
                    new ExitCriterion("proposal delivered", proposalFor(org, dealId)),
                    new ExitCriterion("economic buyer engaged", economicBuyerEngaged(org, clientId, at)));
            case NEGOTIATION -> List.of(new ExitCriterion("terms finalized", entered == DealStage.CLOSED_WON));
            case CLOSED_WON, CLOSED_LOST -> List.of();
        };
    }

    int meddpiccFilled(String org, UUID clientId) {
        return jdbc.sql("""
                SELECT (metrics IS NOT NULL)::int + (decision_criteria IS NOT NULL)::int
                    + (decision_process IS NOT NULL)::int + (paper_process IS NOT NULL)::int
                    + (identified_pain IS NOT NULL)::int + (competition IS NOT NULL)::int
                FROM crm_client WHERE organization_id = :org AND id = :id""")
                .param("org", org).param("id", clientId).query(Integer.class).optional().orElse(0);
    }

    private boolean filled(String org, UUID clientId, String column) {
        return jdbc.sql("SELECT " + column + " IS NOT NULL FROM crm_client WHERE organization_id = :org AND id = :id")
                .param("org", org).param("id", clientId).query(Boolean.class).optional().orElse(false);
    }

    private boolean hasRole(String org, UUID clientId, String role) {
        return jdbc.sql("""
                SELECT count(*) > 0 FROM crm_stakeholder
                WHERE organization_id = :org AND client_id = :id AND :role = ANY(roles)""")
                .param("org", org).param("id", clientId).param("role", role).query(Boolean.class).single();
    }

    private boolean interactionBefore(String org, UUID clientId, Instant at) {
        return jdbc.sql("""
                SELECT count(*) > 0 FROM crm_interaction
                WHERE organization_id = :org AND client_id = :id AND NOT deleted AND occurred_at <= :at""")
                .param("org", org).param("id", clientId).param("at", com.firmos.query.Jdbc.utc(at))
                .query(Boolean.class).single();
    }

    private boolean proposalFor(String org, UUID dealId) {
        return jdbc.sql("SELECT count(*) > 0 FROM crm_deal_proposal WHERE organization_id = :org AND deal_id = :id")
                .param("org", org).param("id", dealId).query(Boolean.class).single();
    }

    private boolean economicBuyerEngaged(String org, UUID clientId, Instant at) {
        return jdbc.sql("""
                SELECT count(*) > 0 FROM crm_interaction i
                WHERE i.organization_id = :org AND i.client_id = :id AND NOT i.deleted AND i.occurred_at <= :at
                  AND i.occurred_at >= :since
                  AND EXISTS (SELECT 1 FROM crm_stakeholder s WHERE s.organization_id = i.organization_id
                              AND s.client_id = i.client_id AND s.id = ANY(i.stakeholder_ids)
                              AND 'economic_buyer' = ANY(s.roles))""")
                .param("org", org).param("id", clientId).param("at", com.firmos.query.Jdbc.utc(at))
                .param("since", com.firmos.query.Jdbc.utc(at.minus(HealthScore.ECONOMIC_BUYER_WINDOW_DAYS,
                        ChronoUnit.DAYS)))
                .query(Boolean.class).single();
    }
}
