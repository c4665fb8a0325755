package com.firmos.query.engagement;

import static com.firmos.query.Jdbc.instant;
import static com.firmos.query.Jdbc.textArray;
import static com.firmos.query.Jdbc.uuid;
import static com.firmos.query.WireValues.parse;
import static com.firmos.query.WireValues.wire;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.firmos.api.messages.activity.PlaybookPhase;
import com.firmos.api.messages.engagement.CloseOutcome;
import com.firmos.api.messages.engagement.EngagementConversation;
import com.firmos.api.messages.engagement.EngagementList;
import com.firmos.api.messages.engagement.EngagementProject;
import com.firmos.api.messages.engagement.EngagementStatus;
import com.firmos.api.messages.engagement.EngagementSummary;
import com.firmos.api.messages.engagement.EngagementView;
import com.firmos.api.messages.engagement.FindEngagementQuery;
import com.firmos.api.messages.engagement.FindEngagementsQuery;
import com.firmos.api.messages.engagement.FindProposalQuery;
import com.firmos.api.messages.engagement.OrderView;
import com.firmos.api.messages.engagement.ProposalStatus;
import com.firmos.api.messages.engagement.ProposalView;

/** Engagement list and detail, and proposals; every query is bounded to the caller's tenant. */
@Component
class EngagementQueries {

    private final JdbcClient jdbc;

    EngagementQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    EngagementList handle(FindEngagementsQuery query) {
        return new EngagementList(jdbc.sql("""
                SELECT e.*,
                    (SELECT count(*) FROM project p WHERE p.organization_id = e.organization_id
                        AND p.engagement_id = e.id AND p.deleted_at IS NULL) AS project_count,
                    (SELECT count(*) FROM conversation c WHERE c.organization_id = e.organization_id
                        AND c.engagement_id = e.id AND c.status = 'open') AS open_conversation_count
                FROM engagement e
                WHERE e.organization_id = :org
                  AND (cardinality(CAST(:statuses AS text[])) = 0 OR e.status = ANY(CAST(:statuses AS text[])))
                  AND (cardinality(CAST(:phases AS text[])) = 0 OR e.phase = ANY(CAST(:phases AS text[])))
                  AND (CAST(:client AS uuid) IS NULL OR e.client_id = :client)
                ORDER BY e.created_at DESC, e.id""")
                .param("org", query.organizationId())
                .param("statuses", wires(query.statuses()))
                .param("phases", wires(query.phases()))
                .param("client", query.clientId())
                .query((rs, n) -> new EngagementSummary(uuid(rs, "id"), uuid(rs, "client_id"), rs.getString("name"),
                        parse(EngagementStatus.class, rs.getString("status")),
                        parse(CloseOutcome.class, rs.getString("close_outcome")),
                        parse(PlaybookPhase.class, rs.getString("phase")), rs.getBigDecimal("budget"),
                        rs.getInt("project_count"),
                        rs.getInt("open_conversation_count"), instant(rs, "created_at"), instant(rs, "closed_at"),
                        rs.getLong("version")))
                .list());
    }

    @QueryHandler
    EngagementView handle(FindEngagementQuery query) {
        return jdbc.sql("SELECT * FROM engagement WHERE id = :id AND organization_id = :org")
                .param("id", query.engagementId()).param("org", query.organizationId())
                .query((rs, n) -> engagement(rs, query.organizationId()))
                .optional().orElse(null);
    }

    @QueryHandler
    ProposalView handle(FindProposalQuery query) {
        return jdbc.sql("SELECT * FROM proposal WHERE id = :id AND organization_id = :org")
                .param("id", query.proposalId()).param("org", query.organizationId())
                .query((rs, n) -> proposal(rs))
                .optional().orElse(null);
    }

    private EngagementView engagement(ResultSet rs, String organization) throws SQLException {
        UUID id = uuid(rs, "id");
        UUID proposalId = uuid(rs, "proposal_id");
        return new EngagementView(id, rs.getString("organization_id"), uuid(rs, "client_id"), rs.getString("name"),
                parse(EngagementStatus.class, rs.getString("status")),
                parse(CloseOutcome.class, rs.getString("close_outcome")),
                parse(PlaybookPhase.class, rs.getString("phase")), uuid(rs, "deal_id"), proposalId,
                uuid(rs, "contract_id"), rs.getBigDecimal("budget"), projects(organization, id),
                openConversations(organization, id),
                proposalId == null ? null : handle(new FindProposalQuery(organization, proposalId)),
                orders(organization, id),
                instant(rs, "created_at"), instant(rs, "closed_at"), rs.getLong("version"));
    }

    private List<EngagementProject> projects(String organization, UUID engagement) {
        return jdbc.sql("""
                SELECT id, name, phase, status FROM project
                WHERE organization_id = :org AND engagement_id = :id AND deleted_at IS NULL
                ORDER BY created_at, id""")
                .param("org", organization).param("id", engagement)
                .query((rs, n) -> new EngagementProject(uuid(rs, "id"), rs.getString("name"), rs.getString("phase"),
                        rs.getString("status")))
                .list();
    }

    private List<EngagementConversation> openConversations(String organization, UUID engagement) {
        return jdbc.sql("""
                SELECT id, subject, last_message_at FROM conversation
                WHERE organization_id = :org AND engagement_id = :id AND status = 'open'
                ORDER BY last_message_at DESC NULLS LAST, created_at DESC""")
                .param("org", organization).param("id", engagement)
                .query((rs, n) -> new EngagementConversation(uuid(rs, "id"), rs.getString("subject"),
                        instant(rs, "last_message_at")))
                .list();
    }

    private List<OrderView> orders(String organization, UUID engagement) {
        return jdbc.sql("""
                SELECT * FROM engagement_order WHERE organization_id = :org AND engagement_id = :id
                ORDER BY placed_at, order_id""")
                .param("org", organization).param("id", engagement)
                .query((rs, n) -> new OrderView(uuid(rs, "order_id"), uuid(rs, "engagement_id"),
                        uuid(rs, "proposal_id"), rs.getBigDecimal("amount"), rs.getString("currency"),
                        instant(rs, "placed_at")))
                .list();
    }

    private static ProposalView proposal(ResultSet rs) throws SQLException {
        return new ProposalView(uuid(rs, "id"), rs.getString("organization_id"), uuid(rs, "client_id"),
                uuid(rs, "deal_id"), uuid(rs, "engagement_id"), uuid(rs, "order_id"), rs.getString("title"),
                rs.getBigDecimal("amount"), parse(ProposalStatus.class, rs.getString("status")),
                rs.getString("accepted_by"), instant(rs, "accepted_at"), instant(rs, "created_at"),
                rs.getLong("version"));
    }

    private static String[] wires(Set<? extends Enum<?>> values) {
        return textArray(values == null ? List.of() : values.stream().map(value -> wire(value)).toList());
    }
}
