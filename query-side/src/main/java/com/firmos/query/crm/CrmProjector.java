package com.firmos.query.crm;

import static com.firmos.query.Jdbc.textArray;
import static com.firmos.query.Jdbc.utc;
import static com.firmos.query.WireValues.wire;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.firmos.api.messages.MetadataKeys;
import com.firmos.api.messages.crm.ClientAssignedEvent;
import com.firmos.api.messages.crm.ClientCreatedEvent;
import com.firmos.api.messages.crm.ClientProfileEditedEvent;
import com.firmos.api.messages.crm.ClientUnassignedEvent;
import com.firmos.api.messages.crm.CompetitorCreatedEvent;
import com.firmos.api.messages.crm.CompetitorEditedEvent;
import com.firmos.api.messages.crm.CompetitorMentionedEvent;
import com.firmos.api.messages.crm.DealCreatedEvent;
import com.firmos.api.messages.crm.DealEditedEvent;
import com.firmos.api.messages.crm.DealLostEvent;
import com.firmos.api.messages.crm.DealStage;
import com.firmos.api.messages.crm.DealStageChangedEvent;
import com.firmos.api.messages.crm.DealWonEvent;
import com.firmos.api.messages.crm.InteractionCorrectedEvent;
import com.firmos.api.messages.crm.InteractionDeletedEvent;
import com.firmos.api.messages.crm.InteractionDetails;
import com.firmos.api.messages.crm.InteractionLoggedEvent;
import com.firmos.api.messages.crm.MeddpiccField;
import com.firmos.api.messages.crm.MeddpiccFieldSetEvent;
import com.firmos.api.messages.crm.Sealed;
import com.firmos.api.messages.crm.StakeholderAddedEvent;
import com.firmos.api.messages.crm.StakeholderDetails;
import com.firmos.api.messages.crm.StakeholderEditedEvent;
import com.firmos.api.messages.crm.StakeholderErasedEvent;
import com.firmos.api.messages.crm.StakeholderRemovedEvent;
import com.firmos.api.messages.engagement.ProposalDraftedEvent;
import com.firmos.query.ProjectionTables;

import tools.jackson.databind.ObjectMapper;

/**
 * Builds the CRM read model. It handles one client's events in order (sequenced by client), which makes the exit
 * criteria recorded at each stage change the same on every replay. Personal data arrives sealed and is stored
 * sealed. Queries live beside it in {@link CrmQueries} and {@link ClientQueries}.
 */
@Component
@ProcessingGroup(CrmProjector.PROCESSING_GROUP)
public class CrmProjector implements ProjectionTables {

    public static final String PROCESSING_GROUP = "crm";
    private static final List<String> TABLES = List.of("crm_client", "crm_client_assignment", "crm_stakeholder",
            "crm_interaction", "crm_deal", "crm_deal_competitor", "crm_deal_stage_report", "crm_deal_proposal",
            "crm_competitor");

    private final JdbcClient jdbc;
    private final ExitCriteria criteria;
    private final ObjectMapper json;

    CrmProjector(JdbcClient jdbc, ExitCriteria criteria, ObjectMapper json) {
        this.jdbc = jdbc;
        this.criteria = criteria;
        this.json = json;
    }

    @EventHandler
    void on(ClientCreatedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.sql("""
                INSERT INTO crm_client (id, organization_id, name, status, budget, deadline, version, created_at,
                    updated_at)
                VALUES (:id, :org, :name, :status, :budget, :deadline, :version, :at, :at)
                ON CONFLICT (organization_id, id) DO NOTHING""")
                .param("id", event.clientId()).param("org", event.organizationId()).param("name", event.name())
                .param("status", wire(event.status())).param("budget", event.budget())
                .param("deadline", event.deadline()).param("version", version).param("at", utc(at))
                .update();
    }

    @EventHandler
    void on(ClientProfileEditedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.sql("""
                UPDATE crm_client SET name = :name, status = :status, budget = :budget, deadline = :deadline,
                    version = :version, updated_at = :at
                WHERE organization_id = :org AND id = :id AND version < :version""")
                .param("org", event.organizationId())
                .param("id", event.clientId()).param("name", event.name()).param("status", wire(event.status()))
                .param("budget", event.budget()).param("deadline", event.deadline()).param("version", version)
                .param("at", utc(at))
                .update();
    }

    @EventHandler
    void on(MeddpiccFieldSetEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.sql("UPDATE crm_client SET " + column(event.field()) + " = :value, version = :version, updated_at = :at"
                        + " WHERE organization_id = :org AND id = :id AND version < :version")
                .param("org", event.organizationId()).param("value", event.value()).param("version", version)
                .param("at", utc(at))
                .param("id", event.clientId())
                .update();
    }

    @EventHandler
    void on(ClientAssignedEvent event) {
        jdbc.sql("""
                INSERT INTO crm_client_assignment (organization_id, client_id, user_id, role)
                VALUES (:org, :client, :user, :role)
                ON CONFLICT (organization_id, client_id, user_id) DO UPDATE SET role = EXCLUDED.role""")
                .param("org", event.organizationId()).param("client", event.clientId()).param("user", event.userId())
                .param("role", wire(event.role()))
                .update();
    }

    @EventHandler
    void on(ClientUnassignedEvent event) {
        jdbc.sql("""
                DELETE FROM crm_client_assignment
                WHERE organization_id = :org AND client_id = :client AND user_id = :user""")
                .param("org", event.organizationId()).param("client", event.clientId()).param("user", event.userId())
                .update();
    }

    @EventHandler
    void on(StakeholderAddedEvent event, @Timestamp Instant at) {
        upsertStakeholder(event.clientId(), event.organizationId(), event.stakeholderId(), event.details(), at);
    }

    @EventHandler
    void on(StakeholderEditedEvent event, @Timestamp Instant at) {
        upsertStakeholder(event.clientId(), event.organizationId(), event.stakeholderId(), event.details(), at);
    }

    @EventHandler
    void on(StakeholderRemovedEvent event) {
        jdbc.sql("DELETE FROM crm_stakeholder WHERE organization_id = :org AND client_id = :client AND id = :id")
                .param("org", event.organizationId()).param("client", event.clientId())
                .param("id", event.stakeholderId()).update();
    }

    /** The row stays, as erased, so the client's stakeholder count and roles still add up. */
    @EventHandler
    void on(StakeholderErasedEvent event, @Timestamp Instant at) {
        jdbc.sql("""
                UPDATE crm_stakeholder SET name_sealed = NULL, email_sealed = NULL, phone_sealed = NULL,
                    notes_sealed = NULL, erased_at = :at
                WHERE organization_id = :org AND client_id = :client AND id = :id""")
                .param("org", event.organizationId()).param("client", event.clientId())
                .param("id", event.stakeholderId()).param("at", utc(at)).update();
    }

    @EventHandler
    void on(InteractionLoggedEvent event, @SequenceNumber long version,
            @MetaDataValue(MetadataKeys.USER_ID) String loggedBy) {
        InteractionDetails details = event.details();
        jdbc.sql("""
                INSERT INTO crm_interaction (id, organization_id, client_id, type, subject, description, occurred_at,
                    duration_minutes, stakeholder_ids, deal_id, project_id, sentiment, logged_by, version)
                VALUES (:id, :org, :client, :type, :subject, :description, :occurred, :duration,
                    CAST(:stakeholders AS uuid[]), :deal, :project, :sentiment, :loggedBy, :version)
                ON CONFLICT (organization_id, id) DO NOTHING""")
                .param("id", event.interactionId()).param("org", event.organizationId())
                .param("client", event.clientId()).params(interactionParams(details)).param("loggedBy", loggedBy)
                .param("version", version)
                .update();
    }

    @EventHandler
    void on(InteractionCorrectedEvent event, @SequenceNumber long version) {
        jdbc.sql("""
                UPDATE crm_interaction SET type = :type, subject = :subject, description = :description,
                    occurred_at = :occurred, duration_minutes = :duration, stakeholder_ids = CAST(:stakeholders AS
                    uuid[]), deal_id = :deal, project_id = :project, sentiment = :sentiment, version = :version
                WHERE organization_id = :org AND id = :id AND version < :version""")
                .param("org", event.organizationId())
                .param("id", event.interactionId()).params(interactionParams(event.details()))
                .param("version", version)
                .update();
    }

    @EventHandler
    void on(InteractionDeletedEvent event, @SequenceNumber long version) {
        jdbc.sql("""
                UPDATE crm_interaction SET deleted = TRUE, version = :version
                WHERE organization_id = :org AND id = :id AND version < :version""")
                .param("org", event.organizationId()).param("id", event.interactionId()).param("version", version)
                .update();
    }

    @EventHandler
    void on(DealCreatedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.sql("""
                INSERT INTO crm_deal (id, organization_id, client_id, name, type, source, value, stage,
                    stage_entered_at, expected_close_date, owner_id, version, created_at)
                VALUES (:id, :org, :client, :name, :type, :source, :value, 'lead', :at, :close, :owner, :version, :at)
                ON CONFLICT (organization_id, id) DO NOTHING""")
                .param("id", event.dealId()).param("org", event.organizationId()).param("client", event.clientId())
                .param("name", event.name()).param("type", wire(event.type())).param("source", wire(event.source()))
                .param("value", event.value()).param("close", event.expectedCloseDate())
                .param("owner", event.ownerId()).param("version", version).param("at", utc(at))
                .update();
    }

    @EventHandler
    void on(DealEditedEvent event, @SequenceNumber long version) {
        jdbc.sql("""
                UPDATE crm_deal SET name = :name, type = :type, source = :source, value = :value,
                    expected_close_date = :close, owner_id = :owner, version = :version
                WHERE organization_id = :org AND id = :id AND version < :version""")
                .param("org", event.organizationId()).param("id", event.dealId()).param("name", event.name())
                .param("type", wire(event.type()))
                .param("source", wire(event.source())).param("value", event.value())
                .param("close", event.expectedCloseDate()).param("owner", event.ownerId()).param("version", version)
                .update();
    }

    @EventHandler
    void on(DealStageChangedEvent event, @SequenceNumber long version, EventMessage<?> message) {
        if (moveDeal(event.organizationId(), event.dealId(), event.newStage(), version, event.changedAt(), null,
                null, null)) {
            report(event.organizationId(), message.getIdentifier(), event.dealId(), event.clientId(), event.oldStage(),
                    event.newStage(),
                    event.changedAt());
        }
    }

    @EventHandler
    void on(DealLostEvent event, @SequenceNumber long version, @Timestamp Instant at, EventMessage<?> message) {
        if (moveDeal(event.organizationId(), event.dealId(), DealStage.CLOSED_LOST, version, at, event.closedOn(),
                event.lossReason(), null)) {
            report(event.organizationId(), message.getIdentifier(), event.dealId(), event.clientId(), event.fromStage(),
                    DealStage.CLOSED_LOST, at);
        }
    }

    @EventHandler
    void on(DealWonEvent event, @SequenceNumber long version, @Timestamp Instant at, EventMessage<?> message) {
        if (moveDeal(event.organizationId(), event.dealId(), DealStage.CLOSED_WON, version, at, event.closedOn(),
                null, event.openedEngagementId())) {
            report(event.organizationId(), message.getIdentifier(), event.dealId(), event.clientId(),
                    DealStage.NEGOTIATION,
                    DealStage.CLOSED_WON, at);
        }
    }

    @EventHandler
    void on(CompetitorMentionedEvent event) {
        jdbc.sql("""
                INSERT INTO crm_deal_competitor (organization_id, deal_id, competitor_id, status)
                VALUES (:org, :deal, :competitor, :status)
                ON CONFLICT (organization_id, deal_id, competitor_id) DO UPDATE SET status = EXCLUDED.status""")
                .param("org", event.organizationId()).param("deal", event.dealId())
                .param("competitor", event.competitorId())
                .param("status", wire(event.status()))
                .update();
    }

    @EventHandler
    void on(CompetitorCreatedEvent event) {
        upsertCompetitor(event.competitorId(), event.organizationId(), event.name(), event.strengths(),
                event.weaknesses(), event.pricing());
    }

    @EventHandler
    void on(CompetitorEditedEvent event) {
        upsertCompetitor(event.competitorId(), event.organizationId(), event.name(), event.strengths(),
                event.weaknesses(), event.pricing());
    }

    @EventHandler
    void on(ProposalDraftedEvent event) {
        if (event.dealId() != null) {
            jdbc.sql("""
                    INSERT INTO crm_deal_proposal (organization_id, proposal_id, deal_id, client_id)
                    VALUES (:org, :proposal, :deal, :client)
                    ON CONFLICT (organization_id, proposal_id) DO NOTHING""")
                    .param("org", event.organizationId()).param("proposal", event.proposalId())
                    .param("deal", event.dealId())
                    .param("client", event.clientId())
                    .update();
        }
    }

    /** The daily health history stays: it records what was observed each day, which no replay can recompute. */
    @ResetHandler
    void reset() {
        clearTables(jdbc);
    }

    @Override
    public String processingGroup() {
        return PROCESSING_GROUP;
    }

    @Override
    public List<String> tables() {
        return TABLES;
    }

    private boolean moveDeal(String org, UUID dealId, DealStage stage, long version, Instant at, LocalDate closedOn,
            String lossReason, UUID engagementId) {
        return jdbc.sql("""
                UPDATE crm_deal SET stage = :stage, stage_entered_at = :at, actual_close_date = :closed,
                    loss_reason = :reason, engagement_id = :engagement, version = :version
                WHERE organization_id = :org AND id = :id AND version < :version
                RETURNING 1""")
                .param("org", org)
                .param("stage", wire(stage)).param("at", utc(at)).param("closed", closedOn)
                .param("reason", lossReason).param("engagement", engagementId).param("version", version)
                .param("id", dealId)
                .query(Integer.class).optional().isPresent();
    }

    private void report(String org, String eventId, UUID dealId, UUID clientId, DealStage left, DealStage entered,
            Instant at) {
        jdbc.sql("""
                INSERT INTO crm_deal_stage_report (organization_id, event_id, deal_id, left_stage, entered_stage,
                    changed_at, criteria)
                VALUES (:org, :id, :deal, :left, :entered, :at, CAST(:criteria AS jsonb))
                ON CONFLICT (organization_id, deal_id, event_id) DO NOTHING""")
                .param("org", org).param("id", eventId).param("deal", dealId).param("left", wire(left))
                .param("entered", wire(entered)).param("at", utc(at))
                .param("criteria", json.writeValueAsString(criteria.of(org, left, entered, dealId, clientId, at)))
                .update();
    }

    private void upsertStakeholder(UUID clientId, String org, UUID stakeholderId, StakeholderDetails details,
            Instant at) {
        Set<?> roles = details.roles() == null ? Set.of() : details.roles();
        jdbc.sql("""
                INSERT INTO crm_stakeholder (id, organization_id, client_id, name_sealed, title, roles,
                    engagement_level, subject_id, email_sealed, phone_sealed, notes_sealed, created_at)
                VALUES (:id, :org, :client, :name, :title, CAST(:roles AS text[]), :level, :subject, :email, :phone,
                    :notes, :at)
                ON CONFLICT (organization_id, client_id, id) DO UPDATE SET name_sealed = EXCLUDED.name_sealed,
                    title = EXCLUDED.title,
                    roles = EXCLUDED.roles,
                    engagement_level = EXCLUDED.engagement_level, subject_id = EXCLUDED.subject_id,
                    email_sealed = EXCLUDED.email_sealed, phone_sealed = EXCLUDED.phone_sealed,
                    notes_sealed = EXCLUDED.notes_sealed""")
                .param("id", stakeholderId).param("org", org).param("client", clientId)
                .param("name", ciphertext(details.name())).param("title", details.title())
                .param("roles", textArray(roles.stream().map(role -> wire((Enum<?>) role)).toList()))
                .param("level", wire(details.engagementLevel()))
                .param("subject", stakeholderId.toString())
                .param("email", ciphertext(details.email())).param("phone", ciphertext(details.phone()))
                .param("notes", ciphertext(details.notes())).param("at", utc(at))
                .update();
    }

    private void upsertCompetitor(UUID id, String org, String name, String strengths, String weaknesses,
            String pricing) {
        jdbc.sql("""
                INSERT INTO crm_competitor (id, organization_id, name, strengths, weaknesses, pricing)
                VALUES (:id, :org, :name, :strengths, :weaknesses, :pricing)
                ON CONFLICT (organization_id, id) DO UPDATE SET name = EXCLUDED.name, strengths = EXCLUDED.strengths,
                    weaknesses = EXCLUDED.weaknesses, pricing = EXCLUDED.pricing""")
                .param("id", id).param("org", org).param("name", name).param("strengths", strengths)
                .param("weaknesses", weaknesses).param("pricing", pricing)
                .update();
    }

    private static java.util.Map<String, Object> interactionParams(InteractionDetails details) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("type", wire(details.type()));
        params.put("subject", details.subject());
        params.put("description", details.description());
        params.put("occurred", utc(details.occurredAt()));
        params.put("duration", details.durationMinutes());
        params.put("stakeholders", textArray(details.stakeholderIds()));
        params.put("deal", details.dealId());
        params.put("project", details.projectId());
        params.put("sentiment", wire(details.sentiment()));
        return params;
    }

    private static String ciphertext(Sealed sealed) {
        return sealed == null ? null : sealed.ciphertext();
    }

    static String column(MeddpiccField field) {
        return field.name().toLowerCase(java.util.Locale.ROOT);
    }
}
